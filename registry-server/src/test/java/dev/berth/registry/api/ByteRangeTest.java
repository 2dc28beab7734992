package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

  @Test
  void closedRange() {
    ByteRange range = ByteRange.parse("bytes=10-19", 100);

    assertThat(range).isEqualTo(new ByteRange(10, 19));
    assertThat(range.length()).isEqualTo(10);
    assertThat(range.contentRange(100)).isEqualTo("bytes 10-19/100");
  }

  @Test
  void openRangeRunsToTheEnd() {
    assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
  }

  @Test
  void suffixRangeTakesTheLastBytes() {
    assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
    assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange(0, 99));
  }

  @Test
  void endBeyondTheBlobIsClamped() {
    assertThat(ByteRange.parse("bytes=50-1000", 100)).isEqualTo(new ByteRange(50, 99));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-1,5-6", "items=0-5", "bytes=", "bytes=-", "bytes=9-3", "garbage"})
  void unusableHeadersAreIgnored(String header) {
    assertThat(ByteRange.parse(header, 100)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0"})
  void rangesSelectingNoByteAreUnsatisfiable(String header) {
    assertThatThrownBy(() -> ByteRange.parse(header, 100))
        .isInstanceOfSatisfying(ByteRange.UnsatisfiableException.class, e -> {
          assertThat(e.status()).isEqualTo(416);
          assertThat(e.size()).isEqualTo(100);
        });
  }

  @Test
  void anyRangeOfAnEmptyBlobIsUnsatisfiable() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(ByteRange.UnsatisfiableException.class);
    assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.UnsatisfiableException.class);
  }
}
