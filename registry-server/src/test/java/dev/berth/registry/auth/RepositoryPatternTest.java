package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryPatternTest {
  @Test
  void singleStarStaysWithinOneSegment() {
    RepositoryPattern pattern = RepositoryPattern.compile("apps/*");

    assertThat(pattern.matches("apps/web")).isTrue();
    assertThat(pattern.matches("apps/web/cache")).isFalse();
    assertThat(pattern.matches("apps")).isFalse();
    assertThat(pattern.matches("other/web")).isFalse();
  }

  @Test
  void doubleStarCrossesSegments() {
    RepositoryPattern pattern = RepositoryPattern.compile("apps/**");

    assertThat(pattern.matches("apps/web")).isTrue();
    assertThat(pattern.matches("apps/web/cache")).isTrue();
    assertThat(pattern.matches("appsx/web")).isFalse();
    assertThat(RepositoryPattern.compile("**").matches("a/b/c")).isTrue();
  }

  @Test
  void starMatchesPartOfASegment() {
    RepositoryPattern pattern = RepositoryPattern.compile("team-*/base");

    assertThat(pattern.matches("team-a/base")).isTrue();
    assertThat(pattern.matches("team-a/x/base")).isFalse();
  }

  @Test
  void literalDotsAreNotRegexWildcards() {
    RepositoryPattern pattern = RepositoryPattern.compile("a.b");

    assertThat(pattern.matches("a.b")).isTrue();
    assertThat(pattern.matches("axb")).isFalse();
  }

  @Test
  void refusesPatternsThatCannotNameARepository() {
    assertThatThrownBy(() -> RepositoryPattern.compile("Apps/*")).hasMessageContaining("\"Apps/*\"");
    assertThatThrownBy(() -> RepositoryPattern.compile("apps/[a-z]")).hasMessageContaining("wildcards");
    assertThatThrownBy(() -> RepositoryPattern.compile("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> RepositoryPattern.compile("a/***")).hasMessageContaining("***");
  }
}
