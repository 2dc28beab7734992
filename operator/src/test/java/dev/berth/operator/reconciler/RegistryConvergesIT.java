package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.Registries.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RegistryConvergesIT {
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
  void minimalRegistryCreatesEverythingAndBecomesReadyWhenPodsAre() {
    Registry registry = client.resource(Registries.registry("minimal", new RegistrySpec())).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> deployment(registry) != null);
    assertThat(get(ServiceAccount.class, RegistryNames.serviceAccount(registry))).isNotNull();
    assertThat(get(Service.class, RegistryNames.service(registry))).isNotNull();
    assertThat(get(ConfigMap.class, RegistryNames.configMap(registry))).isNotNull();
    assertThat(get(PersistentVolumeClaim.class, RegistryNames.pvc(registry))).isNotNull();
    for (String secret : new String[] {RegistryNames.caSecret(registry), RegistryNames.tlsSecret(registry),
        RegistryNames.htpasswdSecret(registry), RegistryNames.credentialsSecret(registry),
        RegistryNames.httpSecret(registry)}) {
      assertThat(get(Secret.class, secret)).as(secret).isNotNull();
    }
    assertThat(get(PodDisruptionBudget.class, RegistryNames.podDisruptionBudget(registry))).isNull();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, "minimal", Conditions.PROGRESSING, Conditions.TRUE));
    assertThat(Registries.conditionIs(client, "minimal", Conditions.READY, Conditions.FALSE)).isTrue();

    Registries.markDeploymentReady(client, registry);

    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, "minimal", Conditions.READY, Conditions.TRUE));
    Registry ready = Registries.get(client, "minimal");
    assertThat(ready.getStatus().endpoint).isEqualTo("minimal.team-a.svc:5000");
    assertThat(ready.getStatus().caSecret).isEqualTo(RegistryNames.caSecret(registry));
    assertThat(ready.getStatus().credentialsSecret).isEqualTo(RegistryNames.credentialsSecret(registry));
    assertThat(ready.getStatus().certificate.notAfter).isNotNull();
    assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(Registries.conditionIs(client, "minimal", Conditions.DEGRADED, Conditions.FALSE)).isTrue();
  }

  private Deployment deployment(Registry registry) {
    return get(Deployment.class, RegistryNames.deployment(registry));
  }

  private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }
}
