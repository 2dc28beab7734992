package dev.berth.registry.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} syntax, which registry:2's config uses for every duration: an optional sign,
 * then one or more decimal numbers each followed by a unit ({@code ns}, {@code us}/{@code µs}, {@code ms},
 * {@code s}, {@code m}, {@code h}), e.g. {@code 10s}, {@code 168h}, {@code 1h30m}, {@code 1.5s}. A bare
 * {@code 0} is allowed; any other number needs a unit.
 */
public final class GoDuration {
  private static final long NANOS_PER_MICRO = 1_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private GoDuration() {
  }

  /** Parses a Go duration; throws {@link IllegalArgumentException} naming the problem. */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    int pos = 0;
    boolean negative = false;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      negative = text.charAt(0) == '-';
      pos++;
    }
    if (text.substring(pos).equals("0")) {
      return Duration.ZERO;
    }
    if (pos == text.length()) {
      throw new IllegalArgumentException("invalid duration " + text);
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    while (pos < text.length()) {
      int numberStart = pos;
      while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String number = text.substring(numberStart, pos);
      int unitStart = pos;
      while (pos < text.length() && !Character.isDigit(text.charAt(pos)) && text.charAt(pos) != '.') {
        pos++;
      }
      String unit = text.substring(unitStart, pos);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("invalid duration " + text);
      }
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("missing unit in duration " + text);
      }
      totalNanos = totalNanos.add(new BigDecimal(number).multiply(
          BigDecimal.valueOf(nanosPer(unit, text))));
    }
    if (totalNanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration out of range " + text);
    }
    long nanos = totalNanos.longValue();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  /** Go's rendering of a duration: {@code 25s}, {@code 1h30m0s}, {@code 1.5s}, {@code 300ms}, {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    Duration positive = duration.abs();
    if (positive.compareTo(Duration.ofSeconds(1)) < 0) {
      long nanos = positive.toNanos();
      if (nanos % NANOS_PER_MILLI == 0) {
        return sign + nanos / NANOS_PER_MILLI + "ms";
      }
      return sign + (nanos % NANOS_PER_MICRO == 0 ? nanos / NANOS_PER_MICRO + "µs" : nanos + "ns");
    }
    StringBuilder out = new StringBuilder(sign);
    long hours = positive.toHours();
    long minutes = positive.toMinutesPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    out.append(positive.toSecondsPart());
    long nanos = positive.toNanosPart();
    if (nanos > 0) {
      out.append('.').append(String.format("%09d", nanos).replaceAll("0+$", ""));
    }
    return out.append('s').toString();
  }

  /** Whether the text is a valid Go duration. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static long nanosPer(String unit, String text) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> NANOS_PER_MICRO;
      case "ms" -> NANOS_PER_MILLI;
      case "s" -> NANOS_PER_SECOND;
      case "m" -> 60 * NANOS_PER_SECOND;
      case "h" -> 3600 * NANOS_PER_SECOND;
      default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration " + text);
    };
  }
}
