package dev.berth.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.PullSecretConditions;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning, following changes, and cleaning up; each test uses its own namespaces on the shared server. */
@EnableKubernetesMockClient(crud = true)
class PullSecretsIT {
  static final Map<String, String> PULL = Map.of("berth.dev/pull", "yes");
  static KubernetesClient client;
  private OperatorHarness harness;
  private PullSecretWorld world;

  @BeforeEach
  void startOperator() {
    harness = new OperatorHarness(client).start();
    world = new PullSecretWorld(client);
  }

  @AfterEach
  void deleteRegistriesAndStop() {
    world.deleteAllRegistries();
    harness.close();
  }

  static ConditionFactory waitUp() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
  }

  static PullSecretsSpec selecting(String... namespaces) {
    PullSecretsSpec pull = new PullSecretsSpec();
    pull.namespaces = namespaces.length == 0 ? null : List.of(namespaces);
    pull.namespaceSelector = new LabelSelectorBuilder().withMatchLabels(PULL).build();
    return pull;
  }

  @Test
  void ownListedAndSelectedNamespacesGetSecretCaAndEntryBesideOtherControllersEntries() {
    world.namespaceWithDefaultAccount("p1-home", Map.of());
    world.namespace("p1-ci", Map.of());
    world.account("p1-ci", "default", "other-controller-pull");
    world.namespaceWithDefaultAccount("p1-apps", PULL);
    world.namespaceWithDefaultAccount("p1-unrelated", Map.of());
    Registry registry = client.resource(PullSecretWorld.registry("p1", "p1-home", selecting("p1-ci"))).create();

    waitUp().until(() -> world.provisioned(registry, "p1-home", "default")
        && world.provisioned(registry, "p1-ci", "default") && world.provisioned(registry, "p1-apps", "default"));
    assertThat(world.entries("p1-ci", "default")).containsExactly("other-controller-pull", "p1-pull");
    assertThat(world.pullSecret(registry, "p1-unrelated")).isNull();
    assertThat(world.dockerConfig(registry, "p1-apps")).contains("\"p1.p1-home.svc.cluster.local:5000\"")
        .contains("\"p1.p1-home.svc:5000\"").contains("\"p1:5000\"");
    assertThat(world.caConfigMap(registry, "p1-apps").getData().get("ca.crt")).startsWith("-----BEGIN CERTIFICATE");
    waitUp().until(() -> world.get(registry).getStatus() != null && world.get(registry).getStatus().pullSecrets != null
        && world.get(registry).getStatus().pullSecrets.provisionedNamespaces == 3);
    assertThat(Conditions.find(world.get(registry).getStatus().conditions, PullSecretConditions.PULL_SECRETS_READY)
        .orElseThrow().getStatus()).isEqualTo(Conditions.TRUE);
  }

  @Test
  void newNamespaceLabelledNamespaceAndRecreatedAccountAreProvisionedWithoutTouchingTheRegistry() {
    world.namespaceWithDefaultAccount("p2-home", Map.of());
    world.namespaceWithDefaultAccount("p2-later-labelled", Map.of());
    Registry registry = client.resource(PullSecretWorld.registry("p2", "p2-home", selecting())).create();
    waitUp().until(() -> world.provisioned(registry, "p2-home", "default"));

    world.namespaceWithDefaultAccount("p2-new", PULL);
    waitUp().until(() -> world.provisioned(registry, "p2-new", "default"));

    client.namespaces().withName("p2-later-labelled").edit(n -> {
      n.getMetadata().getLabels().putAll(PULL);
      return n;
    });
    waitUp().until(() -> world.provisioned(registry, "p2-later-labelled", "default"));

    client.serviceAccounts().inNamespace("p2-new").withName("default").delete();
    waitUp().until(() -> client.serviceAccounts().inNamespace("p2-new").withName("default").get() == null);
    world.account("p2-new", "default", "other-controller-pull");
    waitUp().until(() -> world.entries("p2-new", "default").equals(List.of("other-controller-pull", "p2-pull")));
  }

  @Test
  void accountEditedBySomeoneElseGetsItsEntryBackAndKeepsTheirs() {
    world.namespaceWithDefaultAccount("p3-home", Map.of());
    Registry registry = client.resource(PullSecretWorld.registry("p3", "p3-home", selecting())).create();
    waitUp().until(() -> world.provisioned(registry, "p3-home", "default"));

    client.serviceAccounts().inNamespace("p3-home").withName("default").edit(sa -> {
      sa.getImagePullSecrets().clear();
      sa.getImagePullSecrets().add(new io.fabric8.kubernetes.api.model.LocalObjectReference("theirs"));
      return sa;
    });

    waitUp().until(() -> world.entries("p3-home", "default").equals(List.of("theirs", "p3-pull")));
  }

  @Test
  void namespaceLeavingTheSelectionAndRegistryDeletionRemoveOnlyWhatBerthAdded() {
    world.namespaceWithDefaultAccount("p4-home", Map.of());
    world.namespace("p4-apps", PULL);
    world.account("p4-apps", "default", "other-controller-pull");
    world.namespace("p4-ci", Map.of());
    world.account("p4-ci", "default", "other-controller-pull");
    Registry registry = client.resource(PullSecretWorld.registry("p4", "p4-home", selecting("p4-ci"))).create();
    waitUp().until(() -> world.provisioned(registry, "p4-apps", "default")
        && world.provisioned(registry, "p4-ci", "default"));

    client.namespaces().withName("p4-apps").edit(n -> {
      n.getMetadata().getLabels().clear();
      return n;
    });
    waitUp().until(() -> world.nothingLeftIn(registry, "p4-apps", "default"));
    assertThat(world.entries("p4-apps", "default")).containsExactly("other-controller-pull");
    assertThat(world.provisioned(registry, "p4-ci", "default")).isTrue();

    client.resource(registry).delete();
    waitUp().until(() -> world.get(registry) == null);
    assertThat(world.nothingLeftIn(registry, "p4-ci", "default")).isTrue();
    assertThat(world.nothingLeftIn(registry, "p4-home", "default")).isTrue();
    assertThat(world.entries("p4-ci", "default")).containsExactly("other-controller-pull");
  }

  @Test
  void rotatedCredentialsReachEveryNamespace() {
    world.namespaceWithDefaultAccount("p5-home", Map.of());
    for (int i = 0; i < 5; i++) {
      world.namespaceWithDefaultAccount("p5-ns" + i, PULL);
    }
    Registry registry = client.resource(PullSecretWorld.registry("p5", "p5-home", selecting())).create();
    waitUp().until(() -> java.util.stream.IntStream.range(0, 5)
        .allMatch(i -> world.provisioned(registry, "p5-ns" + i, "default")));

    client.secrets().inNamespace("p5-home").withName(RegistryNames.credentialsSecret(registry)).edit(s -> {
      s.getData().put("pull-password", java.util.Base64.getEncoder().encodeToString("rotated-pw".getBytes()));
      return s;
    });

    String rotatedAuth = java.util.Base64.getEncoder().encodeToString("berth-pull:rotated-pw".getBytes());
    waitUp().until(() -> java.util.stream.IntStream.range(0, 5)
        .allMatch(i -> world.dockerConfig(registry, "p5-ns" + i).contains(rotatedAuth)));
    assertThat(world.dockerConfig(registry, "p5-home")).contains(rotatedAuth);
    assertThat(world.entries("p5-ns0", "default")).containsExactly("p5-pull");
  }
}
