package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.api.Action;
import dev.berth.registry.api.Principal;
import dev.berth.registry.config.AccessConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessRulesTest {
  private static final Principal READER = Principal.user("reader");
  private static final Principal BUILDER = Principal.user("builder");
  private static final Principal ADMIN = Principal.user("admin");

  static AccessConfig.Rule rule(List<String> users, List<String> groups, List<String> repositories,
      List<String> actions) {
    AccessConfig.Rule rule = new AccessConfig.Rule();
    rule.users = users;
    rule.groups = groups;
    rule.repositories = repositories;
    rule.actions = actions;
    return rule;
  }

  /** The example of the README: CI pushes apps, a reader pulls everything, admin does anything. */
  static AccessConfig example() {
    AccessConfig config = new AccessConfig();
    config.groups = Map.of("ci", List.of("builder", "release-bot"));
    config.rules = List.of(
        rule(null, List.of("ci"), List.of("apps/*"), List.of("pull", "push")),
        rule(List.of("reader"), null, List.of("**"), List.of("pull")),
        rule(List.of("admin"), null, List.of("**"), List.of("*")));
    config.anonymous = new AccessConfig.Anonymous();
    config.anonymous.repositories = List.of("public/**");
    return config;
  }

  @Test
  void withoutRulesEveryAuthenticatedUserMayDoEverything() {
    AccessRules rules = AccessRules.from(new AccessConfig());

    for (Action action : Action.values()) {
      assertThat(rules.allows(READER, "any/repo", action)).isTrue();
    }
    assertThat(rules.allows(Principal.ANONYMOUS, "any/repo", Action.PULL)).isFalse();
    assertThat(AccessRules.from(null).allows(READER, "x", Action.DELETE)).isTrue();
  }

  @Test
  void aPullOnlyUserMayPullButNotPushOrDelete() {
    AccessRules rules = AccessRules.from(example());

    assertThat(rules.allows(READER, "apps/web", Action.PULL)).isTrue();
    assertThat(rules.allows(READER, "apps/web", Action.PUSH)).isFalse();
    assertThat(rules.allows(READER, "apps/web", Action.DELETE)).isFalse();
  }

  @Test
  void groupMembersGetTheGroupsRulesOnMatchingRepositoriesOnly() {
    AccessRules rules = AccessRules.from(example());

    assertThat(rules.allows(BUILDER, "apps/web", Action.PUSH)).isTrue();
    assertThat(rules.allows(Principal.user("release-bot"), "apps/api", Action.PULL)).isTrue();
    assertThat(rules.allows(BUILDER, "apps/web/cache", Action.PUSH)).isFalse();
    assertThat(rules.allows(BUILDER, "infra/db", Action.PULL)).isFalse();
    assertThat(rules.allows(BUILDER, "apps/web", Action.DELETE)).isFalse();
  }

  @Test
  void starActionGrantsEverything() {
    AccessRules rules = AccessRules.from(example());

    assertThat(rules.allows(ADMIN, "x/y/z", Action.DELETE)).isTrue();
  }

  @Test
  void usersNamedByNoRuleMayDoNothing() {
    AccessRules rules = AccessRules.from(example());

    assertThat(rules.allows(Principal.user("stranger"), "public/a", Action.PULL)).isFalse();
  }

  @Test
  void anonymousCallersMayOnlyPullTheAnonymousRepositories() {
    AccessRules rules = AccessRules.from(example());

    assertThat(rules.anonymousPullConfigured()).isTrue();
    assertThat(rules.allows(Principal.ANONYMOUS, "public/base", Action.PULL)).isTrue();
    assertThat(rules.allows(Principal.ANONYMOUS, "public/base", Action.PUSH)).isFalse();
    assertThat(rules.allows(Principal.ANONYMOUS, "apps/web", Action.PULL)).isFalse();
  }

  @Test
  void aRuleNamingAnUndefinedGroupIsRefusedWithItsPosition() {
    AccessConfig config = new AccessConfig();
    config.rules = List.of(rule(null, List.of("cii"), List.of("**"), List.of("pull")));

    assertThatThrownBy(() -> AccessRules.from(config))
        .hasMessageContaining("access.rules[0]").hasMessageContaining("\"cii\"");
  }

  @Test
  void unknownActionsAndEmptyListsAreRefused() {
    AccessConfig unknownAction = new AccessConfig();
    unknownAction.rules = List.of(rule(List.of("u"), null, List.of("**"), List.of("pull", "write")));
    AccessConfig noRepositories = new AccessConfig();
    noRepositories.rules = List.of(rule(List.of("u"), null, List.of(), List.of("pull")));
    AccessConfig nobody = new AccessConfig();
    nobody.rules = List.of(rule(null, null, List.of("**"), List.of("pull")));
    AccessConfig badPattern = new AccessConfig();
    badPattern.rules = List.of(rule(List.of("u"), null, List.of("Apps"), List.of("pull")));

    assertThatThrownBy(() -> AccessRules.from(unknownAction)).hasMessageContaining("unknown action \"write\"");
    assertThatThrownBy(() -> AccessRules.from(noRepositories)).hasMessageContaining("access.rules[0].repositories");
    assertThatThrownBy(() -> AccessRules.from(nobody)).hasMessageContaining("names no users");
    assertThatThrownBy(() -> AccessRules.from(badPattern)).hasMessageContaining("access.rules[0].repositories");
  }
}
