package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code access:} — Berth's per-repository access rules. Without rules every authenticated user may do
 * everything (registry:2's behaviour). With rules, a request is allowed only when some rule names the
 * caller (as a user or through a group), matches the repository, and grants the action.
 *
 * <pre>
 * access:
 *   groups:
 *     ci: [builder, release-bot]
 *   rules:
 *     - groups: [ci]
 *       repositories: ["apps/*"]
 *       actions: [pull, push]
 *     - users: [reader]
 *       repositories: ["*"]
 *       actions: [pull]
 *   anonymous:
 *     repositories: ["public/**"]
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AccessConfig {
  /** Group name to user names. */
  public Map<String, List<String>> groups;
  public List<Rule> rules;
  /** Repositories anyone may pull without credentials. */
  public Anonymous anonymous;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Rule {
    public List<String> users;
    public List<String> groups;
    /** Name patterns: {@code *} matches within one path segment, {@code **} across segments. */
    public List<String> repositories;
    /** pull, push, delete, or * for all three. */
    public List<String> actions;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Anonymous {
    public List<String> repositories;
  }

  public boolean hasRules() {
    return rules != null && !rules.isEmpty();
  }
}
