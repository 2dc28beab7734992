package dev.berth.operator.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the Kubernetes / cert-manager way: {@code 2160h}, {@code 90m}, {@code 1h30m}, {@code 45s}. */
public final class GoDuration {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(h|m|s))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(h|m|s)");

  private GoDuration() {
  }

  /** Parses the text; throws IllegalArgumentException naming what was expected. */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 2160h, 90m or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(switch (part.group(2)) {
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      });
    }
    return total;
  }
}
