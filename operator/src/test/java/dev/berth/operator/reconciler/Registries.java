package dev.berth.operator.reconciler;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Test helpers: Registry objects, and playing the Deployment controller the mock server does not have. */
final class Registries {
  static final String NAMESPACE = "team-a";

  private Registries() {
  }

  static Registry registry(String name, RegistrySpec spec) {
    Registry registry = new Registry();
    registry.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    registry.setSpec(spec);
    return registry;
  }

  /**
   * Changes a Registry's spec as a user would, retrying when the operator's status write got in between
   * (409 Conflict: the edit carries the resourceVersion it read).
   */
  static void edit(KubernetesClient client, String name, java.util.function.Consumer<Registry> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.resources(Registry.class).inNamespace(NAMESPACE).withName(name).edit(r -> {
          change.accept(r);
          return r;
        });
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  static Registry get(KubernetesClient client, String name) {
    return client.resources(Registry.class).inNamespace(NAMESPACE).withName(name).get();
  }

  static Optional<Condition> condition(KubernetesClient client, String name, String type) {
    Registry registry = get(client, name);
    return registry == null || registry.getStatus() == null ? Optional.empty()
        : Conditions.find(registry.getStatus().conditions, type);
  }

  static boolean conditionIs(KubernetesClient client, String name, String type, String status) {
    return condition(client, name, type).map(c -> status.equals(c.getStatus())).orElse(false);
  }

  /** Reports the Deployment's current spec as fully rolled out, as the Deployment controller would. */
  static void markDeploymentReady(KubernetesClient client, Registry registry) {
    var deployments = client.apps().deployments().inNamespace(NAMESPACE);
    Deployment deployment = deployments.withName(RegistryNames.deployment(registry)).get();
    int replicas = deployment.getSpec().getReplicas();
    deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
        .withUpdatedReplicas(replicas).withAvailableReplicas(replicas)
        .withObservedGeneration(deployment.getMetadata().getGeneration()).build());
    deployments.resource(deployment).updateStatus();
  }
}
