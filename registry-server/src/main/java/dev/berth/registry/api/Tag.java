package dev.berth.registry.api;

import java.util.regex.Pattern;

/** A validated tag: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
public record Tag(String value) {
  private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  public Tag {
    if (value == null || !GRAMMAR.matcher(value).matches()) {
      throw new RegistryException(ErrorCode.MANIFEST_INVALID, value, "invalid tag: " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && GRAMMAR.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
