package dev.berth.operator;

import dev.berth.operator.dependent.OperatorServices;
import dev.berth.operator.reconciler.RegistryReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the JOSDK operator the same way for production and for tests. Dependents and the primary resource
 * are written with create, update and JSON merge patch rather than server-side apply: the behaviour is the
 * same against any API server, including Fabric8's mock server used by the tests.
 */
public final class BerthOperator {
  private BerthOperator() {
  }

  /** {@code namespaces} empty means all namespaces. */
  public static Operator create(KubernetesClient client, OperatorServices services, Set<String> namespaces,
      Optional<LeaderElectionConfiguration> leaderElection, Metrics metrics) {
    Operator operator = new Operator(overrider -> {
      overrider.withKubernetesClient(client)
          .withMetrics(metrics)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withUseSSAToPatchPrimaryResource(false)
          .withCloseClientOnStop(false);
      leaderElection.ifPresent(overrider::withLeaderElectionConfiguration);
    });
    operator.register(new RegistryReconciler(services), config -> {
      if (!namespaces.isEmpty()) {
        config.settingNamespaces(namespaces);
      }
    });
    return operator;
  }
}
