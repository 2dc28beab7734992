package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.Registries.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An invalid spec is reported on the Registry, naming the field, and nothing is built for it. */
@EnableKubernetesMockClient(crud = true)
class InvalidSpecIT {
  static KubernetesClient client;
  private OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = new OperatorHarness(client).start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void moreThanOneReplicaOnASingleWriterClaimIsDegradedAndBuildsNothing() {
    RegistrySpec spec = new RegistrySpec();
    spec.replicas = 2;
    Registry registry = client.resource(Registries.registry("crowded", spec)).create();

    Condition degraded = awaitDegraded("crowded");

    assertThat(degraded.getReason()).isEqualTo("InvalidSpec");
    assertThat(degraded.getMessage()).contains("spec.replicas");
    assertThat(Registries.conditionIs(client, "crowded", Conditions.READY, Conditions.FALSE)).isTrue();
    assertNothingBuilt(registry);
  }

  @Test
  void malformedDurationsAndAddressesAreNamedInTheMessage() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.duration = "ninety days";
    spec.tls.ipAddresses = java.util.List.of("10.0.0.300");
    Registry registry = client.resource(Registries.registry("garbled", spec)).create();

    Condition degraded = awaitDegraded("garbled");

    assertThat(degraded.getMessage()).contains("spec.tls.duration").contains("spec.tls.ipAddresses")
        .contains("10.0.0.300");
    assertNothingBuilt(registry);
  }

  @Test
  void missingUserSecretIsReportedAndTheRegistryConvergesOnceItExists() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.mode = TlsMode.Secret;
    spec.tls.secretName = "corp-cert";
    Registry registry = client.resource(Registries.registry("corporate", spec)).create();

    Condition degraded = awaitDegraded("corporate");
    assertThat(degraded.getMessage()).contains("spec.tls.secretName").contains("corp-cert").contains("not found");
    assertNothingBuilt(registry);

    client.resource(new SecretBuilder().withNewMetadata().withName("corp-cert").withNamespace(NAMESPACE)
        .endMetadata().withType("kubernetes.io/tls")
        .withData(Map.of("tls.crt", "Y2VydA==", "tls.key", "a2V5")).build()).create();
    Registries.edit(client, "corporate", r -> r.getSpec().replicas = 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().deployments().inNamespace(NAMESPACE)
        .withName(RegistryNames.deployment(registry)).get() != null);
    assertThat(client.secrets().inNamespace(NAMESPACE).withName(RegistryNames.caSecret(registry)).get()).isNull();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, "corporate", Conditions.DEGRADED, Conditions.FALSE));
  }

  private Condition awaitDegraded(String name) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, name, Conditions.DEGRADED, Conditions.TRUE));
    return Registries.condition(client, name, Conditions.DEGRADED).orElseThrow();
  }

  private void assertNothingBuilt(Registry registry) {
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(RegistryNames.deployment(registry))
        .get()).isNull();
    assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems())
        .noneMatch(s -> s.getMetadata().getName().startsWith(registry.getMetadata().getName() + "-"));
    assertThat(client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(RegistryNames.pvc(registry)).get())
        .isNull();
    assertThat(harness.writes).allMatch(w -> w.contains("/registries/"));
  }
}
