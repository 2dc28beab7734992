package dev.berth.registry.api;

/** The caller of a request, as authenticated by {@link AccessControl}. */
public record Principal(String name, boolean anonymous) {
  public static final Principal ANONYMOUS = new Principal("", true);

  public static Principal user(String name) {
    return new Principal(name, false);
  }
}
