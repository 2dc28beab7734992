package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullSecretsValidatorTest {
  private final PullSecretsSpec pull = new PullSecretsSpec();

  private List<SpecProblem> problems() {
    RegistrySpec spec = new RegistrySpec();
    spec.pullSecrets = pull;
    return SpecValidator.validate(TestRegistries.registry(spec));
  }

  @Test
  void defaultsAreValid() {
    assertThat(problems()).isEmpty();
  }

  @Test
  void badSecretAndNamespaceNamesAreNamed() {
    pull.secretName = "Not_Valid";
    pull.namespaces = List.of("ok", "Bad Name");

    assertThat(problems()).extracting(SpecProblem::toString).containsExactly(
        "spec.pullSecrets.secretName: 'Not_Valid' is not a valid Secret name",
        "spec.pullSecrets.namespaces: 'Bad Name' is not a namespace name");
  }

  @Test
  void secretNameMayNotShadowOneOfTheRegistrysOwnSecrets() {
    pull.secretName = "demo-credentials";

    assertThat(problems()).extracting(SpecProblem::field).containsExactly("spec.pullSecrets.secretName");
  }

  @Test
  void selectorExpressionsAreCheckedLikeTheApiServerDoes() {
    pull.namespaceSelector = new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("a").withOperator("In").endMatchExpression()
        .addNewMatchExpression().withKey("b").withOperator("Exists").withValues("x").endMatchExpression()
        .addNewMatchExpression().withKey("c").withOperator("Like").withValues("x").endMatchExpression()
        .build();

    assertThat(problems()).extracting(SpecProblem::message).containsExactly("operator In needs values",
        "operator Exists takes no values", "unknown operator 'Like' (expected In, NotIn, Exists or DoesNotExist)");
  }
}
