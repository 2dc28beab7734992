package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdStatusTest {
  @Test
  void becomesUnhealthyOnlyAfterThresholdConsecutiveFailures() {
    ThresholdStatus status = new ThresholdStatus(3);

    status.failed("disk gone");
    status.failed("disk gone");
    assertThat(status.failure()).isEmpty();

    status.failed("still gone");
    assertThat(status.failure()).contains("still gone");
  }

  @Test
  void aSuccessResetsTheCount() {
    ThresholdStatus status = new ThresholdStatus(2);
    status.failed("a");
    status.succeeded();
    status.failed("b");
    assertThat(status.failure()).isEmpty();

    status.failed("c");
    assertThat(status.failure()).contains("c");
    status.succeeded();
    assertThat(status.failure()).isEmpty();
  }

  @Test
  void thresholdMustBePositive() {
    assertThatThrownBy(() -> new ThresholdStatus(0)).hasMessageContaining("threshold");
  }
}
