package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
  @Test
  void matchLabelsAndEveryOperatorFollowKubernetesSemantics() {
    LabelSelector selector = new LabelSelectorBuilder().withMatchLabels(Map.of("team", "a"))
        .addNewMatchExpression().withKey("env").withOperator("In").withValues("dev", "ci").endMatchExpression()
        .addNewMatchExpression().withKey("tier").withOperator("NotIn").withValues("sandbox").endMatchExpression()
        .addNewMatchExpression().withKey("pull").withOperator("Exists").endMatchExpression()
        .addNewMatchExpression().withKey("frozen").withOperator("DoesNotExist").endMatchExpression()
        .build();

    assertThat(LabelSelectors.matches(selector, Map.of("team", "a", "env", "ci", "pull", ""))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("team", "b", "env", "ci", "pull", ""))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("team", "a", "env", "prod", "pull", ""))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("team", "a", "env", "ci", "pull", "", "tier", "sandbox")))
        .isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("team", "a", "env", "ci"))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("team", "a", "env", "ci", "pull", "", "frozen", "1")))
        .isFalse();
  }

  @Test
  void emptySelectorMatchesEverythingAndNoSelectorMatchesNothing() {
    assertThat(LabelSelectors.matches(new LabelSelector(), Map.of("x", "y"))).isTrue();
    assertThat(LabelSelectors.matches(new LabelSelector(), null)).isTrue();
    assertThat(LabelSelectors.matches(null, Map.of())).isFalse();
  }

  @Test
  void unknownOperatorIsNamedInTheError() {
    LabelSelector selector = new LabelSelectorBuilder().addNewMatchExpression().withKey("k").withOperator("Like")
        .endMatchExpression().build();

    assertThatThrownBy(() -> LabelSelectors.matches(selector, Map.of())).hasMessageContaining("'Like'");
  }
}
