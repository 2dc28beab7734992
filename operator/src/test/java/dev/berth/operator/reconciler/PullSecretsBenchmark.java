package dev.berth.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name matches neither *Test nor *IT); run on its own:
 * {@code ./mvnw -B -pl operator -am test -Dtest=PullSecretsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 1,000 labelled namespaces with 3 ServiceAccounts each; one Registry selects them all with
 * allServiceAccounts. Prints the figures recorded in operator/BENCHMARK-pullsecrets.md. Its assertions check
 * the outcome (everything provisioned, zero steady-state writes), never the time taken.
 */
@EnableKubernetesMockClient(crud = true)
class PullSecretsBenchmark {
  private static final int NAMESPACES = 1000;
  private static final List<String> ACCOUNTS = List.of("default", "builder", "deployer");
  private static final Map<String, String> LABELS = Map.of("berth.dev/bench", "yes");
  static KubernetesClient client;

  @Test
  void thousandNamespacesTimesThreeServiceAccounts() {
    IntStream.range(0, NAMESPACES).parallel().forEach(i -> createNamespace(name(i)));
    PullSecretWorld world = new PullSecretWorld(client);
    try (OperatorHarness harness = new OperatorHarness(client).start()) {
      PullSecretsSpec pull = new PullSecretsSpec();
      pull.namespaceSelector = new LabelSelectorBuilder().withMatchLabels(LABELS).build();
      pull.allServiceAccounts = true;
      int requestsBefore = harness.requests.get();
      harness.writes.clear();
      long start = System.nanoTime();
      Registry registry = client.resource(PullSecretWorld.registry("bench", name(0), pull)).create();
      await().until(() -> patchedAccounts(registry) >= NAMESPACES * ACCOUNTS.size());
      long rollout = System.nanoTime() - start;
      await().until(() -> provisioned(world, registry) == NAMESPACES);
      long provisionedAt = System.nanoTime() - start;
      quiesce(harness);
      int rolloutRequests = harness.requests.get() - requestsBefore;
      int rolloutWrites = harness.writes.size();

      int steadyBefore = harness.requests.get();
      harness.writes.clear();
      harness.reconcileNow(client, registry);
      int steadyRequests = harness.requests.get() - steadyBefore;
      List<String> steadyWrites = List.copyOf(harness.writes);

      long created = System.nanoTime();
      createNamespace("bench-new");
      await().until(() -> world.provisioned(registry, "bench-new", ACCOUNTS.toArray(String[]::new)));
      long newNamespace = System.nanoTime() - created;

      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      System.out.printf(Locale.ROOT, "%nPULL-SECRETS BENCHMARK (%d namespaces x %d ServiceAccounts)%n"
              + "all ServiceAccounts patched after applying the Registry: %d ms%n"
              + "status reports %d namespaces provisioned after: %d ms%n"
              + "initial rollout: %d requests, %d writes%n"
              + "one steady-state reconcile: %d requests, %d writes %s%n"
              + "new namespace fully provisioned after: %d ms%n"
              + "heap in use after rollout and GC (operator + mock API server + test client, one JVM): %d MiB%n",
          NAMESPACES, ACCOUNTS.size(), ms(rollout), NAMESPACES, ms(provisionedAt), rolloutRequests, rolloutWrites,
          steadyRequests, steadyWrites.size(), steadyWrites, ms(newNamespace), heap / (1024 * 1024));
      assertThat(steadyWrites).isEmpty();
    }
  }

  private static void createNamespace(String namespace) {
    new PullSecretWorld(client).namespace(namespace, LABELS);
    ACCOUNTS.forEach(account -> new PullSecretWorld(client).account(namespace, account));
  }

  private static long patchedAccounts(Registry registry) {
    String secret = RegistryNames.pullSecret(registry);
    return client.serviceAccounts().inAnyNamespace().list().getItems().stream()
        .filter(sa -> sa.getMetadata().getNamespace().startsWith("bench-") && names(sa).contains(secret)).count();
  }

  private static int provisioned(PullSecretWorld world, Registry registry) {
    Registry current = world.get(registry);
    return current.getStatus() == null || current.getStatus().pullSecrets == null ? -1
        : current.getStatus().pullSecrets.provisionedNamespaces;
  }

  /** Waits until the operator has sent nothing for two seconds: the rollout's echoes have settled. */
  private static void quiesce(OperatorHarness harness) {
    int[] last = {-1};
    Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
      int now = harness.requests.get();
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
  }

  private static List<String> names(ServiceAccount account) {
    return account.getImagePullSecrets() == null ? List.of()
        : account.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
  }

  private static org.awaitility.core.ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200));
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "bench-%04d", i);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
