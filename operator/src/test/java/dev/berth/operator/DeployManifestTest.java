package dev.berth.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.reconciler.RegistryReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment manifest grants what the code uses and probes what Main serves. */
class DeployManifestTest {
  private static final List<String> WRITE_VERBS = List.of("get", "list", "watch", "create", "update", "delete");

  @Test
  void clusterRoleCoversEveryObjectTheWorkflowManages() throws Exception {
    ClusterRole role = manifest(ClusterRole.class);
    for (Dependent dependent : RegistryReconciler.class.getAnnotation(Workflow.class).dependents()) {
      KubernetesDependentResource<?, ?> instance =
          (KubernetesDependentResource<?, ?>) dependent.type().getDeclaredConstructor().newInstance();
      Class<? extends HasMetadata> type = instance.resourceType();
      for (String verb : WRITE_VERBS) {
        assertThat(allows(role, HasMetadata.getGroup(type), HasMetadata.getPlural(type), verb))
            .as("%s %s", verb, HasMetadata.getPlural(type)).isTrue();
      }
    }
    for (String verb : List.of("get", "list", "watch")) {
      assertThat(allows(role, "", "namespaces", verb)).as("%s namespaces", verb).isTrue();
    }
    for (String plural : List.of("secrets", "configmaps", "serviceaccounts")) {
      for (String verb : List.of("list", "watch", "create", "update", "patch", "delete")) {
        assertThat(allows(role, "", plural, verb)).as("pull secrets: %s %s", verb, plural).isTrue();
      }
    }
    assertThat(allows(role, Registry.GROUP, "registries", "watch")).isTrue();
    assertThat(allows(role, Registry.GROUP, "registries/status", "patch")).isTrue();
    assertThat(allows(role, "coordination.k8s.io", "leases", "update")).isTrue();
    assertThat(allows(role, "authorization.k8s.io", "selfsubjectrulesreviews", "create")).isTrue();
  }

  @Test
  void operatorDeploymentProbesTheHealthPortMainServes() throws IOException {
    Deployment deployment = manifest(Deployment.class);
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(OperatorSettings.DEFAULT_HEALTH_PORT);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("POD_NAMESPACE"));
  }

  private static boolean allows(ClusterRole role, String group, String resource, String verb) {
    String apiGroup = group == null ? "" : group;
    return role.getRules().stream().anyMatch((PolicyRule r) -> r.getApiGroups().contains(apiGroup)
        && r.getResources().contains(resource) && r.getVerbs().contains(verb));
  }

  private static <T extends HasMetadata> T manifest(Class<T> type) throws IOException {
    Path file = Path.of(System.getProperty("berth.deploy.manifest"));
    try (InputStream in = Files.newInputStream(file)) {
      List<HasMetadata> objects = Serialization.unmarshal(in);
      return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
  }
}
