package dev.berth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  @Test
  void percentilesUseNearestRank() {
    long[] latencies = new long[100];
    for (int i = 0; i < 100; i++) {
      latencies[i] = (100 - i) * 1_000_000L;
    }
    Measurement measurement = new Measurement(100, 0, 1_000_000_000L, latencies);
    assertThat(measurement.percentileMillis(0.50)).isEqualTo(50.0);
    assertThat(measurement.percentileMillis(0.99)).isEqualTo(99.0);
    assertThat(measurement.percentileMillis(1.0)).isEqualTo(100.0);
  }

  @Test
  void phasesAddUpIntoOneRowFigure() {
    Measurement first = new Measurement(10, 10L << 20, 1_000_000_000L, new long[] {1, 2});
    Measurement second = new Measurement(30, 30L << 20, 1_000_000_000L, new long[] {3});
    Measurement both = first.plus(second);
    assertThat(both.opsPerSecond()).isCloseTo(20.0, within(1e-9));
    assertThat(both.mibPerSecond()).isCloseTo(20.0, within(1e-9));
    assertThat(both.latenciesNanos()).containsExactly(1, 2, 3);
  }

  @Test
  void nothingMeasuredHasNoFigures() {
    assertThat(Measurement.empty().opsPerSecond()).isNaN();
    assertThat(Measurement.empty().percentileMillis(0.5)).isNaN();
  }

  @Test
  void budgetSplitsIntoPhasesKeepingAtLeastOneOperation() {
    Budget half = new Budget(100, 8, Duration.ofSeconds(3)).split(2);
    assertThat(half).isEqualTo(new Budget(50, 4, Duration.ofMillis(1500)));
    assertThat(new Budget(1, 1, Duration.ZERO).split(2)).isEqualTo(new Budget(1, 1, Duration.ZERO));
  }
}
