package dev.berth.operator.model;

/** The user names of the generated push and pull-only accounts. Fixed, so config.yml never depends on secrets. */
public record GeneratedUsers(String pushUser, String pullUser) {
  public static final GeneratedUsers DEFAULT = new GeneratedUsers("berth-push", "berth-pull");
}
