package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.Registries.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deletion is the API server's garbage collector following owner references (the mock server has none),
 * so these tests check the references it would follow: everything is owned by the Registry, except the
 * claim while {@code retainOnDelete} is true.
 */
@EnableKubernetesMockClient(crud = true)
class OwnershipIT {
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
  void everythingButTheRetainedClaimIsOwnedByTheRegistry() {
    Registry registry = create("kept", new RegistrySpec());

    List<HasMetadata> owned = managedObjects(registry);
    assertThat(owned).hasSizeGreaterThanOrEqualTo(9);
    assertThat(owned).allMatch(o -> isOwnedBy(o, registry));
    PersistentVolumeClaim claim = claim(registry);
    assertThat(claim.getMetadata().getOwnerReferences()).isEmpty();

    client.resource(registry).delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> Registries.get(client, "kept") == null);
    assertThat(claim(registry).getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void claimIsOwnedAndSoDeletedWithTheRegistryWhenRetainOnDeleteIsFalse() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.pvc = new PvcStorage();
    spec.storage.pvc.retainOnDelete = false;
    Registry registry = create("scratch", spec);

    assertThat(isOwnedBy(claim(registry), registry)).isTrue();
  }

  @Test
  void switchingRetainOnDeleteMovesOnlyTheOwnerReference() {
    Registry registry = create("switched", new RegistrySpec());
    harness.writes.clear();

    Registries.edit(client, "switched", r -> {
      r.getSpec().storage = new StorageSpec();
      r.getSpec().storage.pvc = new PvcStorage();
      r.getSpec().storage.pvc.retainOnDelete = false;
    });

    await().atMost(Duration.ofSeconds(30)).until(() -> isOwnedBy(claim(registry), registry));
    assertThat(claim(registry).getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
    assertThat(harness.writesTo("/deployments/")).isEmpty();
    assertThat(harness.writesTo("/secrets/")).isEmpty();
  }

  private Registry create(String name, RegistrySpec spec) {
    Registry registry = client.resource(Registries.registry(name, spec)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().deployments().inNamespace(NAMESPACE)
        .withName(RegistryNames.deployment(registry)).get() != null);
    return Registries.get(client, name);
  }

  private List<HasMetadata> managedObjects(Registry registry) {
    List<HasMetadata> all = new ArrayList<>();
    String selector = Labels.INSTANCE;
    String instance = registry.getMetadata().getName();
    all.addAll(client.secrets().inNamespace(NAMESPACE).withLabel(selector, instance).list().getItems());
    all.addAll(client.configMaps().inNamespace(NAMESPACE).withLabel(selector, instance).list().getItems());
    all.addAll(client.services().inNamespace(NAMESPACE).withLabel(selector, instance).list().getItems());
    all.addAll(client.serviceAccounts().inNamespace(NAMESPACE).withLabel(selector, instance).list().getItems());
    all.addAll(client.apps().deployments().inNamespace(NAMESPACE).withLabel(selector, instance).list().getItems());
    return all;
  }

  private PersistentVolumeClaim claim(Registry registry) {
    return client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(RegistryNames.pvc(registry)).get();
  }

  private static boolean isOwnedBy(HasMetadata object, Registry registry) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> registry.getMetadata().getUid().equals(o.getUid())
        && "Registry".equals(o.getKind()));
  }
}
