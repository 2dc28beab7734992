package dev.berth.registry.logging;

import ch.qos.logback.classic.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small helpers shared by the text and JSON layouts. */
final class LineFormat {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private LineFormat() {
  }

  static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /** logrus's level names, which registry:2's log lines carry. */
  static String level(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "error";
      case Level.WARN_INT -> "warning";
      case Level.INFO_INT -> "info";
      default -> "debug";
    };
  }

  /** Appends text as a JSON string literal. */
  static void jsonString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Appends a JSON value: numbers and booleans as such, anything else as a string. */
  static void jsonValue(StringBuilder out, Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      jsonString(out, String.valueOf(value));
    }
  }

  /** Appends a logfmt value, quoted only when it must be. */
  static void logfmtValue(StringBuilder out, Object value) {
    String text = String.valueOf(value);
    if (text.isEmpty() || needsQuotes(text)) {
      jsonString(out, text);
    } else {
      out.append(text);
    }
  }

  private static boolean needsQuotes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == '=' || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }
}
