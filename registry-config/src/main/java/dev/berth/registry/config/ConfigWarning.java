package dev.berth.registry.config;

/**
 * Something in the configuration that Berth accepted but the user should know about: an unknown or misplaced
 * key (registry:2 silently ignores those), a key Berth does not act on yet, or an ignored environment variable.
 *
 * @param key     the full key path ({@code http.tls}) or environment variable name
 * @param message one line for the log
 */
public record ConfigWarning(String key, String message) {
  @Override
  public String toString() {
    return message;
  }
}
