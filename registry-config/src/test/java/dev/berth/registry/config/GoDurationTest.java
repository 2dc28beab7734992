package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @Test
  void parsesSingleUnits() {
    assertThat(GoDuration.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(GoDuration.parse("168h")).isEqualTo(Duration.ofHours(168));
    assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoDuration.parse("7us")).isEqualTo(Duration.ofNanos(7_000));
    assertThat(GoDuration.parse("7µs")).isEqualTo(Duration.ofNanos(7_000));
    assertThat(GoDuration.parse("15ns")).isEqualTo(Duration.ofNanos(15));
    assertThat(GoDuration.parse("2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void parsesCompoundFractionalAndSignedDurations() {
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1h30m15.5s")).isEqualTo(Duration.ofMillis(5_415_500));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse(".5s")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse("-2s")).isEqualTo(Duration.ofSeconds(-2));
    assertThat(GoDuration.parse("+2s")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void bareZeroNeedsNoUnit() {
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("-0")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "1d", "1.2.3s", "1h 30m", "h1", "-", "1S", ".s", "10 s"})
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(GoDuration.isValid(text)).isFalse();
  }

  @Test
  void formatsAsGoDoes() {
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GoDuration.format(Duration.ofSeconds(25))).isEqualTo("25s");
    assertThat(GoDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDuration.format(Duration.ofMillis(300))).isEqualTo("300ms");
    assertThat(GoDuration.format(Duration.ofSeconds(-2))).isEqualTo("-2s");
    assertThat(GoDuration.parse(GoDuration.format(Duration.ofMillis(5_415_500)))).isEqualTo(Duration.ofMillis(5_415_500));
  }

  @Test
  void rejectsDurationsBeyondRange() {
    assertThatThrownBy(() -> GoDuration.parse("9999999999h")).hasMessageContaining("out of range");
  }
}
