package dev.berth.operator.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API server stores every quantity in canonical form: {@code 1000m} comes back as {@code 1}, {@code 1024Mi}
 * as {@code 1Gi}. An object built with the user's spelling therefore never equals the stored one, and comparing
 * the two as text would rewrite it on every reconcile. Quantities are compared by amount instead.
 */
public final class StoredQuantities {
  private StoredQuantities() {
  }

  /** Whether two quantities are the same amount, however spelled; two absent ones are the same too. */
  public static boolean sameAmount(Quantity a, Quantity b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Quantity.getAmountInBytes(a).compareTo(Quantity.getAmountInBytes(b)) == 0;
  }

  /**
   * A copy of the desired Deployment whose container resource quantities take the stored spelling wherever the
   * stored container has the same amount, so that only a real change of amount counts as a difference.
   */
  public static Deployment spelledAsStored(Deployment desired, Deployment stored) {
    Deployment copy = new DeploymentBuilder(desired).build();
    List<Container> storedContainers = containers(stored);
    for (Container container : containers(copy)) {
      storedContainers.stream().filter(c -> Objects.equals(c.getName(), container.getName())).findFirst()
          .ifPresent(match -> adopt(container.getResources(), match.getResources()));
    }
    return copy;
  }

  private static void adopt(ResourceRequirements desired, ResourceRequirements stored) {
    if (desired == null || stored == null) {
      return;
    }
    adopt(desired.getRequests(), stored.getRequests());
    adopt(desired.getLimits(), stored.getLimits());
  }

  private static void adopt(Map<String, Quantity> desired, Map<String, Quantity> stored) {
    if (desired == null || stored == null) {
      return;
    }
    desired.replaceAll((name, quantity) -> sameAmount(quantity, stored.get(name)) ? stored.get(name) : quantity);
  }

  private static List<Container> containers(Deployment deployment) {
    if (deployment == null || deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
        || deployment.getSpec().getTemplate().getSpec() == null
        || deployment.getSpec().getTemplate().getSpec().getContainers() == null) {
      return List.of();
    }
    return deployment.getSpec().getTemplate().getSpec().getContainers();
  }
}
