package dev.berth.registry.auth;

import dev.berth.registry.api.Action;
import dev.berth.registry.api.Principal;
import dev.berth.registry.config.AccessConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compiled {@code access:} section. Without rules every authenticated user may do everything, as with
 * registry:2. With rules, an action is allowed only when a rule names the user (directly or through a group),
 * has a pattern matching the repository, and lists the action. Anonymous callers may only pull, and only from
 * repositories matching {@code access.anonymous.repositories}. Every mistake in the section is reported at
 * start with the rule's position, so a typo never silently widens or narrows access.
 */
public final class AccessRules {
  private record Rule(Set<String> users, List<RepositoryPattern> repositories, Set<Action> actions) {
    boolean grants(String user, String repository, Action action) {
      return users.contains(user) && actions.contains(action)
          && repositories.stream().anyMatch(pattern -> pattern.matches(repository));
    }
  }

  private final List<Rule> rules;
  private final List<RepositoryPattern> anonymousPull;

  private AccessRules(List<Rule> rules, List<RepositoryPattern> anonymousPull) {
    this.rules = rules;
    this.anonymousPull = anonymousPull;
  }

  /** No rules and no anonymous access: registry:2's behaviour. */
  public static AccessRules authenticatedMayDoEverything() {
    return new AccessRules(List.of(), List.of());
  }

  public static AccessRules from(AccessConfig config) {
    if (config == null) {
      return authenticatedMayDoEverything();
    }
    Map<String, List<String>> groups = config.groups == null ? Map.of() : config.groups;
    List<Rule> rules = new ArrayList<>();
    if (config.rules != null) {
      for (int i = 0; i < config.rules.size(); i++) {
        rules.add(compile(config.rules.get(i), groups, "access.rules[" + i + "]"));
      }
    }
    List<RepositoryPattern> anonymous = config.anonymous == null
        ? List.of()
        : patterns(config.anonymous.repositories, "access.anonymous.repositories", true);
    return new AccessRules(List.copyOf(rules), anonymous);
  }

  /** Whether any repository may be pulled without credentials. */
  public boolean anonymousPullConfigured() {
    return !anonymousPull.isEmpty();
  }

  public boolean allows(Principal principal, String repository, Action action) {
    if (principal.anonymous()) {
      return action == Action.PULL && anonymousPull.stream().anyMatch(pattern -> pattern.matches(repository));
    }
    if (rules.isEmpty()) {
      return true;
    }
    return rules.stream().anyMatch(rule -> rule.grants(principal.name(), repository, action));
  }

  private static Rule compile(AccessConfig.Rule rule, Map<String, List<String>> groups, String where) {
    if (rule == null) {
      throw new IllegalArgumentException(where + " is empty");
    }
    Set<String> users = new HashSet<>(rule.users == null ? List.of() : rule.users);
    for (String group : rule.groups == null ? List.<String>of() : rule.groups) {
      List<String> members = groups.get(group);
      if (members == null) {
        throw new IllegalArgumentException(where + " names group \"" + group + "\", which access.groups does not "
            + "define (defined: " + groups.keySet() + ")");
      }
      users.addAll(members);
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException(where + " names no users and no groups with members, so it grants "
          + "nothing; list users: or groups:");
    }
    return new Rule(Set.copyOf(users), patterns(rule.repositories, where + ".repositories", false),
        actions(rule.actions, where + ".actions"));
  }

  private static List<RepositoryPattern> patterns(List<String> sources, String where, boolean mayBeEmpty) {
    if (sources == null || sources.isEmpty()) {
      if (mayBeEmpty) {
        return List.of();
      }
      throw new IllegalArgumentException(where + " is empty; use [\"**\"] for every repository");
    }
    List<RepositoryPattern> patterns = new ArrayList<>();
    for (String source : sources) {
      try {
        patterns.add(RepositoryPattern.compile(source));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(patterns);
  }

  private static Set<Action> actions(List<String> names, String where) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException(where + " is empty; list pull, push, delete or *");
    }
    Set<Action> actions = EnumSet.noneOf(Action.class);
    for (String name : names) {
      String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      switch (normalized) {
        case "*" -> actions.addAll(EnumSet.allOf(Action.class));
        case "pull" -> actions.add(Action.PULL);
        case "push" -> actions.add(Action.PUSH);
        case "delete" -> actions.add(Action.DELETE);
        default -> throw new IllegalArgumentException(where + ": unknown action \"" + name
            + "\"; use pull, push, delete or *");
      }
    }
    return Set.copyOf(actions);
  }
}
