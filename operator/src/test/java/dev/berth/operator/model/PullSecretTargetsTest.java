package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PullSecretTargetsTest {
  private final PullSecretsSpec pull = new PullSecretsSpec();
  private final Registry registry = registry(pull);

  private static Registry registry(PullSecretsSpec pull) {
    RegistrySpec spec = new RegistrySpec();
    spec.pullSecrets = pull;
    return TestRegistries.registry(spec);
  }

  @Test
  void ownNamespaceIsAlwaysATargetAndExplicitNamesAndSelectorMatchesAreAdded() {
    pull.namespaces = List.of("ci", "missing");
    pull.namespaceSelector = new LabelSelectorBuilder().withMatchLabels(Map.of("pull", "yes")).build();

    var targets = PullSecretTargets.namespaces(registry, List.of(ns("tools"), ns("ci"), ns("apps", "pull", "yes"),
        ns("other", "pull", "no"), ns("bare")));

    assertThat(targets).containsExactly("apps", "ci", "tools");
  }

  @Test
  void selectorMatchingNothingLeavesOnlyTheOwnNamespace() {
    pull.namespaceSelector = new LabelSelectorBuilder().withMatchLabels(Map.of("nothing", "has-this")).build();

    assertThat(PullSecretTargets.namespaces(registry, List.of(ns("tools"), ns("a"), ns("b")))).containsExactly("tools");
  }

  @Test
  void optedOutAndTerminatingNamespacesAreExcluded() {
    pull.namespaces = List.of("opted", "dying");
    Namespace opted = ns("opted");
    opted.getMetadata().setAnnotations(Map.of(PullSecretLabels.OPT_OUT_ANNOTATION, "false"));
    Namespace dying = ns("dying");
    dying.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");

    assertThat(PullSecretTargets.namespaces(registry, List.of(ns("tools"), opted, dying))).containsExactly("tools");
  }

  @Test
  void withoutPullSecretsNothingIsATarget() {
    Registry plain = TestRegistries.registry(new RegistrySpec());

    assertThat(PullSecretTargets.namespaces(plain, List.of(ns("tools")))).isEmpty();
    assertThat(PullSecretTargets.mayConcern(plain, "tools")).isFalse();
  }

  @Test
  void mayConcernIsTrueForEveryNamespaceOnlyWithASelector() {
    pull.namespaces = List.of("ci");

    assertThat(PullSecretTargets.mayConcern(registry, "ci")).isTrue();
    assertThat(PullSecretTargets.mayConcern(registry, "tools")).isTrue();
    assertThat(PullSecretTargets.mayConcern(registry, "elsewhere")).isFalse();
    pull.namespaceSelector = new LabelSelectorBuilder().build();
    assertThat(PullSecretTargets.mayConcern(registry, "elsewhere")).isTrue();
  }

  @Test
  void onlyTheDefaultServiceAccountIsSelectedByDefault() {
    assertThat(PullSecretTargets.selects(registry, sa("default"))).isTrue();
    assertThat(PullSecretTargets.selects(registry, sa("builder"))).isFalse();
  }

  @Test
  void namedOrAllServiceAccountsAreSelectedUnlessOptedOut() {
    pull.serviceAccounts = List.of("builder");
    assertThat(PullSecretTargets.selects(registry, sa("builder"))).isTrue();
    assertThat(PullSecretTargets.selects(registry, sa("default"))).isFalse();

    pull.allServiceAccounts = true;
    ServiceAccount opted = sa("default");
    opted.getMetadata().setAnnotations(Map.of(PullSecretLabels.OPT_OUT_ANNOTATION, "false"));
    assertThat(PullSecretTargets.selects(registry, sa("anything"))).isTrue();
    assertThat(PullSecretTargets.selects(registry, opted)).isFalse();
  }

  private static Namespace ns(String name, String... labels) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(map).endMetadata().build();
  }

  private static ServiceAccount sa(String name) {
    return new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace("ci").endMetadata().build();
  }
}
