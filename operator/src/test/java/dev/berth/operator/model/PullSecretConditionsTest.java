package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.FailedNamespace;
import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.RegistryStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullSecretConditionsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Registry registry(boolean pullSecrets) {
    RegistrySpec spec = new RegistrySpec();
    spec.pullSecrets = pullSecrets ? new PullSecretsSpec() : null;
    return TestRegistries.registry(spec);
  }

  @Test
  void zeroNamespacesWithoutFailuresIsReady() {
    RegistryStatus status = PullSecretConditions.apply(new RegistryStatus(), registry(true),
        new PullSecretsOutcome(0, List.of(), null), NOW);

    assertThat(status.pullSecrets.provisionedNamespaces).isZero();
    assertThat(Conditions.find(status.conditions, PullSecretConditions.PULL_SECRETS_READY).orElseThrow().getStatus())
        .isEqualTo(Conditions.TRUE);
  }

  @Test
  void failedNamespacesAreListedAndMakeTheConditionFalse() {
    var failure = new FailedNamespace("apps", "Secret demo-pull already exists and was not created by Berth");
    RegistryStatus status = PullSecretConditions.apply(new RegistryStatus(), registry(true),
        new PullSecretsOutcome(2, List.of(failure), null), NOW);

    assertThat(status.pullSecrets.failedNamespaces).containsExactly(failure);
    var condition = Conditions.find(status.conditions, PullSecretConditions.PULL_SECRETS_READY).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo(Conditions.FALSE);
    assertThat(condition.getMessage()).contains("apps");
  }

  @Test
  void missingCredentialsBlockWithAReason() {
    RegistryStatus status = PullSecretConditions.apply(new RegistryStatus(), registry(true),
        PullSecretsOutcome.blocked("waiting"), NOW);

    assertThat(Conditions.find(status.conditions, PullSecretConditions.PULL_SECRETS_READY).orElseThrow().getReason())
        .isEqualTo(PullSecretConditions.REASON_BLOCKED);
  }

  @Test
  void registryWithoutPullSecretsGetsNoFieldAndNoCondition() {
    RegistryStatus status = PullSecretConditions.apply(new RegistryStatus(), registry(false),
        new PullSecretsOutcome(0, List.of(), null), NOW);

    assertThat(status.pullSecrets).isNull();
    assertThat(status.conditions).isEmpty();
  }
}
