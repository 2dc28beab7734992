package dev.berth.registry.api;

/** What a request does to a repository; access rules grant these. */
public enum Action {
  PULL, PUSH, DELETE;

  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
