package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredQuantitiesTest {

  @Test
  void sameAmountsSpelledDifferentlyAreTheSame() {
    assertSame("1000m", "1");
    assertSame("500m", "0.5");
    assertSame("1024Mi", "1Gi");
    assertSame("1e3", "1k");
    assertSame("129e6", "129M");
    assertThat(StoredQuantities.sameAmount(null, null)).isTrue();
  }

  @Test
  void differentAmountsAreDifferent() {
    assertThat(StoredQuantities.sameAmount(new Quantity("1"), new Quantity("2"))).isFalse();
    assertThat(StoredQuantities.sameAmount(new Quantity("1Gi"), new Quantity("1G"))).isFalse();
    assertThat(StoredQuantities.sameAmount(new Quantity("1"), null)).isFalse();
  }

  @Test
  void theDesiredDeploymentTakesTheStoredSpellingOnlyWhereTheAmountAgrees() {
    Deployment desired = deployment("registry", Map.of("cpu", "1000m", "memory", "1024Mi"), Map.of("memory", "2Gi"));
    Deployment stored = deployment("registry", Map.of("cpu", "1", "memory", "1Gi"), Map.of("memory", "1Gi"));

    Deployment spelled = StoredQuantities.spelledAsStored(desired, stored);

    var resources = spelled.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("1")).containsEntry("memory",
        new Quantity("1Gi"));
    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("2Gi"));
    assertThat(desired.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .as("the desired object itself is left as built").containsEntry("cpu", new Quantity("1000m"));
  }

  @Test
  void containersOrObjectsMissingFromTheStoredDeploymentKeepTheDesiredSpelling() {
    Deployment desired = deployment("registry", Map.of("cpu", "1000m"), Map.of());

    assertThat(StoredQuantities.spelledAsStored(desired, deployment("other", Map.of("cpu", "1"), Map.of()))
        .getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .containsEntry("cpu", new Quantity("1000m"));
    assertThat(StoredQuantities.spelledAsStored(desired, new Deployment())
        .getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .containsEntry("cpu", new Quantity("1000m"));
  }

  private static void assertSame(String a, String b) {
    assertThat(StoredQuantities.sameAmount(new Quantity(a), new Quantity(b))).as(a + " = " + b).isTrue();
  }

  private static Deployment deployment(String container, Map<String, String> requests, Map<String, String> limits) {
    return new DeploymentBuilder().withNewSpec().withNewTemplate().withNewSpec().addNewContainer()
        .withName(container).withNewResources().withRequests(quantities(requests)).withLimits(quantities(limits))
        .endResources().endContainer().endSpec().endTemplate().endSpec().build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> amounts) {
    var result = new java.util.LinkedHashMap<String, Quantity>();
    amounts.forEach((name, amount) -> result.put(name, new Quantity(amount)));
    return result;
  }
}
