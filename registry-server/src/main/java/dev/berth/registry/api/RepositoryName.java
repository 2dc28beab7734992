package dev.berth.registry.api;

import java.util.regex.Pattern;

/**
 * A validated repository name, per the OCI distribution grammar
 * {@code [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*}, at most 255 characters.
 * Because the grammar admits no {@code ..}, no empty segment and no escape, a valid name is always safe to use
 * as a storage path.
 */
public record RepositoryName(String value) implements Comparable<RepositoryName> {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
  private static final Pattern GRAMMAR = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  public static final int MAX_LENGTH = 255;

  public RepositoryName {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !GRAMMAR.matcher(value).matches()) {
      String shown = value == null ? "" : value.length() > 300 ? value.substring(0, 300) + "…" : value;
      throw new RegistryException(ErrorCode.NAME_INVALID, shown, "invalid repository name: " + shown);
    }
  }

  public static boolean isValid(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && GRAMMAR.matcher(value).matches();
  }

  @Override
  public int compareTo(RepositoryName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
