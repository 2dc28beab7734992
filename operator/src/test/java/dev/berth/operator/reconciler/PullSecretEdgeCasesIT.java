package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.PullSecretsIT.PULL;
import static dev.berth.operator.reconciler.PullSecretsIT.selecting;
import static dev.berth.operator.reconciler.PullSecretsIT.waitUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.PullSecretsStatus;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.PullSecretConditions;
import dev.berth.operator.model.PullSecretLabels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The issue's bad inputs, opt-outs, selection changes and the zero-write steady state. */
@EnableKubernetesMockClient(crud = true)
class PullSecretEdgeCasesIT {
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

  @Test
  void foreignSecretWithTheSameNameIsNotOverwrittenButReported() {
    world.namespaceWithDefaultAccount("e1-home", Map.of());
    world.namespaceWithDefaultAccount("e1-theirs", Map.of());
    client.resource(new SecretBuilder().withNewMetadata().withName("e1-pull").withNamespace("e1-theirs").endMetadata()
        .withStringData(Map.of("mine", "keep")).build()).create();
    Registry registry = client.resource(PullSecretWorld.registry("e1", "e1-home", selecting("e1-theirs"))).create();

    waitUp().until(() -> status(registry) != null && status(registry).failedNamespaces.size() == 1);
    assertThat(status(registry).failedNamespaces.get(0).namespace).isEqualTo("e1-theirs");
    assertThat(status(registry).failedNamespaces.get(0).reason).contains("not created by Berth");
    assertThat(status(registry).provisionedNamespaces).isEqualTo(1);
    assertThat(pullSecretsReady(registry).getStatus()).isEqualTo(Conditions.FALSE);
    assertThat(world.pullSecret(registry, "e1-theirs").getMetadata().getLabels()).isNullOrEmpty();
    assertThat(world.entries("e1-theirs", "default")).isEmpty();
    assertThat(world.provisioned(registry, "e1-home", "default")).isTrue();
  }

  @Test
  void twoRegistriesSelectingOneNamespaceBothWorkAndDeletingOneLeavesTheOther() {
    world.namespaceWithDefaultAccount("e2-home", Map.of());
    world.namespaceWithDefaultAccount("e2-shared", Map.of());
    Registry first = client.resource(PullSecretWorld.registry("e2a", "e2-home", selecting("e2-shared"))).create();
    Registry second = client.resource(PullSecretWorld.registry("e2b", "e2-home", selecting("e2-shared"))).create();

    waitUp().until(() -> world.provisioned(first, "e2-shared", "default")
        && world.provisioned(second, "e2-shared", "default"));
    assertThat(world.entries("e2-shared", "default")).containsExactlyInAnyOrder("e2a-pull", "e2b-pull");

    client.resource(first).delete();
    waitUp().until(() -> world.get(first) == null);
    assertThat(world.nothingLeftIn(first, "e2-shared", "default")).isTrue();
    assertThat(world.provisioned(second, "e2-shared", "default")).isTrue();
    assertThat(world.entries("e2-shared", "default")).containsExactly("e2b-pull");
  }

  @Test
  void accountAlreadyNamingTheSecretGetsNoDuplicateAndNoPatch() {
    world.namespace("e3-home", Map.of());
    world.account("e3-home", "default", "theirs", "e3-pull");
    Registry registry = client.resource(PullSecretWorld.registry("e3", "e3-home", selecting())).create();

    waitUp().until(() -> world.provisioned(registry, "e3-home", "default") && status(registry) != null);
    assertThat(world.entries("e3-home", "default")).containsExactly("theirs", "e3-pull");
    assertThat(harness.writesTo("/namespaces/e3-home/serviceaccounts/default")).isEmpty();
  }

  @Test
  void optedOutNamespacesAndAccountsAreLeftAloneAndOptingOutLaterRemovesTheCopies() {
    world.namespaceWithDefaultAccount("e4-home", Map.of());
    var optedOut = world.namespace("e4-out", PULL);
    world.annotate(optedOut, PullSecretLabels.OPT_OUT_ANNOTATION, "false");
    world.account("e4-out", "default");
    var later = world.namespaceWithDefaultAccount("e4-later", PULL);
    client.resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata().withName("robot")
        .withNamespace("e4-later").withAnnotations(Map.of(PullSecretLabels.OPT_OUT_ANNOTATION, "false"))
        .endMetadata().build()).create();
    PullSecretsSpec pull = selecting();
    pull.allServiceAccounts = true;
    Registry registry = client.resource(PullSecretWorld.registry("e4", "e4-home", pull)).create();

    waitUp().until(() -> world.provisioned(registry, "e4-later", "default"));
    assertThat(world.entries("e4-later", "robot")).isEmpty();
    assertThat(world.nothingLeftIn(registry, "e4-out", "default")).isTrue();

    world.annotate(later, PullSecretLabels.OPT_OUT_ANNOTATION, "false");
    waitUp().until(() -> world.nothingLeftIn(registry, "e4-later", "default"));
  }

  @Test
  void selectorMatchingNothingIsReadyWithZeroNamespaces() {
    var home = world.namespaceWithDefaultAccount("e5-home", Map.of());
    world.annotate(home, PullSecretLabels.OPT_OUT_ANNOTATION, "false");
    PullSecretsSpec pull = new PullSecretsSpec();
    pull.namespaceSelector = new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
        .withMatchLabels(Map.of("no-namespace", "has-this")).build();
    Registry registry = client.resource(PullSecretWorld.registry("e5", "e5-home", pull)).create();

    waitUp().until(() -> status(registry) != null);
    assertThat(status(registry).provisionedNamespaces).isZero();
    assertThat(status(registry).failedNamespaces).isEmpty();
    assertThat(pullSecretsReady(registry).getStatus()).isEqualTo(Conditions.TRUE);
  }

  @Test
  void namespaceBeingDeletedIsNoLongerATargetAndGetsNoNewWrites() {
    world.namespaceWithDefaultAccount("e6-home", Map.of());
    world.namespaceWithDefaultAccount("e6-dying", PULL);
    Registry registry = client.resource(PullSecretWorld.registry("e6", "e6-home", selecting())).create();
    waitUp().until(() -> world.provisioned(registry, "e6-dying", "default")
        && status(registry) != null && status(registry).provisionedNamespaces == 2);

    client.namespaces().withName("e6-dying").edit(n -> {
      n.getMetadata().setFinalizers(List.of("test.berth.dev/hold"));
      return n;
    });
    client.namespaces().withName("e6-dying").delete();

    waitUp().until(() -> status(registry).provisionedNamespaces == 1);
    assertThat(status(registry).failedNamespaces).isEmpty();
    assertThat(harness.writesTo("/namespaces/e6-dying/").stream().filter(w -> w.startsWith("POST"))).hasSize(2);
    client.namespaces().withName("e6-dying").edit(n -> {
      n.getMetadata().setFinalizers(List.of());
      return n;
    });
  }

  @Test
  void changingTheSelectedAccountsAndTheSecretNameMovesEveryEntry() {
    world.namespaceWithDefaultAccount("e7-home", Map.of());
    world.account("e7-home", "builder", "theirs");
    Registry registry = client.resource(PullSecretWorld.registry("e7", "e7-home", selecting())).create();
    waitUp().until(() -> world.provisioned(registry, "e7-home", "default"));

    // The operator writes the status meanwhile; an edit that lost that race is simply made again.
    waitUp().ignoreExceptions().until(() -> client.resources(Registry.class).inNamespace("e7-home").withName("e7")
        .edit(r -> {
          r.getSpec().pullSecrets.serviceAccounts = List.of("builder");
          r.getSpec().pullSecrets.secretName = "e7-renamed";
          return r;
        }) != null);
    Registry changed = world.get(registry);

    waitUp().until(() -> world.provisioned(changed, "e7-home", "builder"));
    waitUp().until(() -> client.secrets().inNamespace("e7-home").withName("e7-pull").get() == null);
    assertThat(world.entries("e7-home", "builder")).containsExactly("theirs", "e7-renamed");
    assertThat(world.entries("e7-home", "default")).isEmpty();
  }

  @Test
  void convergedRegistryWithManyNamespacesIssuesNoWriteWhenReconciled() {
    world.namespaceWithDefaultAccount("e8-home", Map.of());
    IntStream.range(0, 30).forEach(i -> world.namespaceWithDefaultAccount("e8-ns" + i, PULL));
    Registry registry = client.resource(PullSecretWorld.registry("e8", "e8-home", selecting())).create();
    waitUp().until(() -> status(registry) != null && status(registry).provisionedNamespaces == 31);
    waitUp().until(() -> IntStream.range(0, 30).allMatch(i -> world.provisioned(registry, "e8-ns" + i, "default")));

    int before = harness.reconciles.get();
    harness.writes.clear();
    harness.reconcileNow(client, registry);

    assertThat(harness.reconciles.get()).isGreaterThan(before);
    assertThat(harness.writes).isEmpty();
  }

  private PullSecretsStatus status(Registry registry) {
    Registry current = world.get(registry);
    return current == null || current.getStatus() == null ? null : current.getStatus().pullSecrets;
  }

  private Condition pullSecretsReady(Registry registry) {
    return Conditions.find(world.get(registry).getStatus().conditions, PullSecretConditions.PULL_SECRETS_READY)
        .orElseThrow();
  }
}
