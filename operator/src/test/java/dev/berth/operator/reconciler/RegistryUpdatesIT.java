package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.Registries.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.PodTemplateHash;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A converged Registry costs no writes; a spec change writes exactly the objects it affects. */
@EnableKubernetesMockClient(crud = true)
class RegistryUpdatesIT {
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
  void reconcilingAConvergedRegistryWritesNothing() {
    Registry registry = converge("steady", new RegistrySpec());
    // Let the informer caches catch up with the writes that made it Ready.
    harness.reconcileNow(client, registry);

    harness.writes.clear();
    harness.reconcileNow(client, registry);
    harness.reconcileNow(client, registry);

    assertThat(harness.writes).isEmpty();
  }

  @Test
  void changingReplicasUpdatesTheDeploymentAndAddsADisruptionBudget() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.pvc = new PvcStorage();
    spec.storage.pvc.accessModes = List.of("ReadWriteMany");
    Registry registry = converge("scaled", spec);
    String hashBefore = podTemplateHash(registry);
    harness.writes.clear();

    edit(registry, r -> r.getSpec().replicas = 3);

    await().atMost(Duration.ofSeconds(30)).until(() -> deployment(registry).getSpec().getReplicas() == 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> pdb(registry) != null);
    assertThat(podTemplateHash(registry)).isEqualTo(hashBefore);
    assertThat(deployment(registry).getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertUntouched("/secrets/", "/configmaps/", "/persistentvolumeclaims/", "/services/", "/serviceaccounts/");

    edit(registry, r -> r.getSpec().replicas = 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> pdb(registry) == null);
  }

  @Test
  void changingTheImageUpdatesOnlyTheDeploymentAndKeepsTheConfigHash() {
    Registry registry = converge("imaged", new RegistrySpec());
    String hashBefore = podTemplateHash(registry);
    harness.writes.clear();

    edit(registry, r -> r.getSpec().image = "registry.example/berth:2");

    await().atMost(Duration.ofSeconds(30)).until(() -> "registry.example/berth:2".equals(
        deployment(registry).getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
    assertThat(podTemplateHash(registry)).isEqualTo(hashBefore);
    assertThat(deployment(registry).getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertUntouched("/secrets/", "/configmaps/", "/persistentvolumeclaims/", "/services/");
  }

  @Test
  void growingTheClaimUpdatesOnlyTheClaim() {
    Registry registry = converge("grown", new RegistrySpec());
    harness.writes.clear();

    edit(registry, r -> {
      r.getSpec().storage = new StorageSpec();
      r.getSpec().storage.pvc = new PvcStorage();
      r.getSpec().storage.pvc.size = "50Gi";
    });

    await().atMost(Duration.ofSeconds(30)).until(() -> "50Gi".equals(
        pvc(registry).getSpec().getResources().getRequests().get("storage").toString()));
    assertUntouched("/secrets/", "/configmaps/", "/deployments/", "/services/");
  }

  @Test
  void quantitiesTheApiServerRespellsAreNotWrittenAgainButNewAmountsAre() {
    RegistrySpec spec = new RegistrySpec();
    spec.resources = new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("1000m"))
        .addToRequests("memory", new Quantity("1024Mi")).build();
    Registry registry = converge("respelled", spec);
    // A real API server stores canonical spellings; the mock server keeps them verbatim, so respell them here.
    client.apps().deployments().inNamespace(NAMESPACE).withName(RegistryNames.deployment(registry)).edit(d -> {
      Map<String, Quantity> requests = requests(d);
      requests.put("cpu", new Quantity("1"));
      requests.put("memory", new Quantity("1Gi"));
      return d;
    });
    harness.reconcileNow(client, registry);

    harness.writes.clear();
    harness.reconcileNow(client, registry);
    harness.reconcileNow(client, registry);

    assertUntouched("/deployments/");
    assertThat(requests(deployment(registry))).containsEntry("cpu", new Quantity("1"));

    edit(registry, r -> r.getSpec().resources.getRequests().put("cpu", new Quantity("2")));
    await().atMost(Duration.ofSeconds(30)).until(() -> new Quantity("2").equals(requests(deployment(registry))
        .get("cpu")));
  }

  private static Map<String, Quantity> requests(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests();
  }

  @Test
  void changingConfigRewritesTheConfigMapAndRollsThePods() {
    Registry registry = converge("configured", new RegistrySpec());
    String hashBefore = podTemplateHash(registry);
    harness.writes.clear();

    edit(registry, r -> r.getSpec().config = Map.of("log", Map.of("level", "debug")));

    await().atMost(Duration.ofSeconds(30)).until(() -> configYaml(registry).contains("level: debug"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !podTemplateHash(registry).equals(hashBefore));
    assertUntouched("/secrets/", "/persistentvolumeclaims/", "/services/");
  }

  @Test
  void turningTlsAndAuthOffRemovesTheGeneratedSecretsAndTheirConfig() {
    Registry registry = converge("opened", new RegistrySpec());

    edit(registry, r -> {
      r.getSpec().tls = new dev.berth.operator.crd.TlsSpec();
      r.getSpec().tls.mode = dev.berth.operator.crd.TlsMode.Disabled;
      r.getSpec().auth = new dev.berth.operator.crd.AuthSpec();
      r.getSpec().auth.mode = dev.berth.operator.crd.AuthMode.None;
    });

    await().atMost(Duration.ofSeconds(30)).until(() -> secret(RegistryNames.caSecret(registry)) == null
        && secret(RegistryNames.tlsSecret(registry)) == null && secret(RegistryNames.htpasswdSecret(registry)) == null
        && secret(RegistryNames.credentialsSecret(registry)) == null);
    await().atMost(Duration.ofSeconds(30)).until(() -> !configYaml(registry).contains("tls:"));
    assertThat(configYaml(registry)).doesNotContain("htpasswd");
    assertThat(secret(RegistryNames.httpSecret(registry))).isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> Registries.get(client, "opened").getStatus().caSecret == null
        && Registries.get(client, "opened").getStatus().credentialsSecret == null);
  }

  private io.fabric8.kubernetes.api.model.Secret secret(String name) {
    return client.secrets().inNamespace(NAMESPACE).withName(name).get();
  }

  private Registry converge(String name, RegistrySpec spec) {
    Registry registry = client.resource(Registries.registry(name, spec)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment(registry) != null);
    Registries.markDeploymentReady(client, registry);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, name, Conditions.READY, Conditions.TRUE));
    return Registries.get(client, name);
  }

  private void edit(Registry registry, Consumer<Registry> change) {
    Registries.edit(client, registry.getMetadata().getName(), change);
  }

  private void assertUntouched(String... pathFragments) {
    for (String fragment : pathFragments) {
      assertThat(harness.writesTo(fragment)).as("writes to " + fragment).isEmpty();
    }
  }

  private String podTemplateHash(Registry registry) {
    return deployment(registry).getSpec().getTemplate().getMetadata().getAnnotations().get(PodTemplateHash.ANNOTATION);
  }

  private String configYaml(Registry registry) {
    return client.configMaps().inNamespace(NAMESPACE).withName(RegistryNames.configMap(registry)).get()
        .getData().get("config.yml");
  }

  private Deployment deployment(Registry registry) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(RegistryNames.deployment(registry)).get();
  }

  private PodDisruptionBudget pdb(Registry registry) {
    return client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE)
        .withName(RegistryNames.podDisruptionBudget(registry)).get();
  }

  private PersistentVolumeClaim pvc(Registry registry) {
    return client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(RegistryNames.pvc(registry)).get();
  }

  @SuppressWarnings("unused")
  private ConfigMap configMap(Registry registry) {
    return client.configMaps().inNamespace(NAMESPACE).withName(RegistryNames.configMap(registry)).get();
  }
}
