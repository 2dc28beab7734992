package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

  @Test
  void absentHeaderMeansAStreamedChunk() {
    assertThat(ContentRange.parse(null)).isNull();
  }

  @Test
  void parsesInclusiveStartAndEnd() {
    ContentRange range = ContentRange.parse("5-9");

    assertThat(range.start()).isEqualTo(5);
    assertThat(range.end()).isEqualTo(9);
    assertThat(range.length()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "-9", "5-", "a-b", "bytes 0-9/10", "bytes=0-9", "9-5", "0-99999999999999999999",
      "1--2"})
  void malformedRangesAreRangeInvalid(String header) {
    assertThatThrownBy(() -> ContentRange.parse(header))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RANGE_INVALID);
          assertThat(e.status()).isEqualTo(416);
        });
  }
}
