package dev.berth.registry.auth;

import java.util.regex.Pattern;

/**
 * A repository name pattern of an access rule: {@code *} matches any characters within one path segment,
 * {@code **} any characters across segments; everything else matches itself. {@code apps/*} matches
 * {@code apps/web} but not {@code apps/web/cache}; {@code apps/**} matches both; {@code **} matches every
 * repository.
 */
public final class RepositoryPattern {
  /** Repository name characters plus the wildcard. */
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._/*-]+");

  private final String source;
  private final Pattern regex;

  private RepositoryPattern(String source, Pattern regex) {
    this.source = source;
    this.regex = regex;
  }

  /** Compiles a pattern, failing with a message naming it when it cannot match any valid repository name. */
  public static RepositoryPattern compile(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("an empty repository pattern matches nothing");
    }
    if (!ALLOWED.matcher(pattern).matches()) {
      throw new IllegalArgumentException("repository pattern \"" + pattern + "\" may contain only lower-case "
          + "letters, digits, '.', '_', '-', '/' and the wildcards * and **");
    }
    if (pattern.contains("***")) {
      throw new IllegalArgumentException("repository pattern \"" + pattern + "\": use * or **, not ***");
    }
    return new RepositoryPattern(pattern, Pattern.compile(toRegex(pattern)));
  }

  private static String toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (pattern.charAt(i) == '*') {
        regex.append("[^/]*");
        i++;
      } else {
        int next = nextWildcard(pattern, i);
        regex.append(Pattern.quote(pattern.substring(i, next)));
        i = next;
      }
    }
    return regex.toString();
  }

  private static int nextWildcard(String pattern, int from) {
    int star = pattern.indexOf('*', from);
    return star < 0 ? pattern.length() : star;
  }

  public boolean matches(String repository) {
    return regex.matcher(repository).matches();
  }

  @Override
  public String toString() {
    return source;
  }
}
