package dev.berth.registry.config;

/**
 * A configuration the registry cannot start with. The message is always one line that names the key (or file)
 * and the offending value, so that it can be printed to the user as is.
 */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(oneLine(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** {@code invalid value for KEY: "VALUE" (EXPECTED)}. */
  public static ConfigException invalidValue(String key, Object value, String expected) {
    return new ConfigException("invalid value for " + key + ": " + quote(value) + " (expected " + expected + ")");
  }

  static String quote(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"");
    return "\"" + text + "\"";
  }

  /** Collapses line breaks, so that nothing multi-line (a YAML parser's message, say) reaches the user. */
  static String oneLine(String message) {
    if (message == null) {
      return "invalid configuration";
    }
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
