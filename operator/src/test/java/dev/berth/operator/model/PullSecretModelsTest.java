package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PullSecretModelsTest {
  private final Registry registry = TestRegistries.registry(withPullSecrets());

  private static RegistrySpec withPullSecrets() {
    RegistrySpec spec = new RegistrySpec();
    spec.pullSecrets = new PullSecretsSpec();
    return spec;
  }

  @Test
  void hostsCoverEveryServiceNameTheClusterIpAndTheExtraDnsNames() {
    List<String> hosts = PullSecretModels.hosts(registry, 5000, Optional.of("10.0.0.7"), List.of("reg.example.com"));

    assertThat(hosts).containsExactly("demo:5000", "demo.tools:5000", "demo.tools.svc:5000",
        "demo.tools.svc.cluster.local:5000", "10.0.0.7:5000", "reg.example.com", "reg.example.com:5000");
  }

  @Test
  void headlessOrUnassignedClusterIpIsLeftOut() {
    assertThat(PullSecretModels.hosts(registry, 5000, Optional.of("None"), List.of())).hasSize(4);
    assertThat(PullSecretModels.hosts(registry, 5000, Optional.empty(), List.of())).hasSize(4);
  }

  @Test
  void dockerConfigJsonGivesEveryHostThePullUser() throws Exception {
    String json = PullSecretModels.dockerConfigJson(List.of("a:5000", "b:5000"), "berth-pull", "s3cret");

    JsonNode auths = new ObjectMapper().readTree(json).get("auths");
    assertThat(auths.size()).isEqualTo(2);
    JsonNode a = auths.get("a:5000");
    assertThat(a.get("username").asText()).isEqualTo("berth-pull");
    assertThat(a.get("password").asText()).isEqualTo("s3cret");
    assertThat(new String(Base64.getDecoder().decode(a.get("auth").asText()), StandardCharsets.UTF_8))
        .isEqualTo("berth-pull:s3cret");
  }

  @Test
  void pullSecretIsADockerConfigJsonSecretLabelledWithItsRegistry() {
    Secret secret = PullSecretModels.pullSecret(registry, "apps", "{\"auths\":{}}");

    assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(secret.getMetadata().getName()).isEqualTo("demo-pull");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("apps");
    assertThat(secret.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(secret.getMetadata().getLabels()).containsEntry(PullSecretLabels.REGISTRY, "demo")
        .containsEntry(PullSecretLabels.REGISTRY_NAMESPACE, "tools");
    assertThat(SecretData.decode(Optional.of(secret))).containsEntry(".dockerconfigjson", "{\"auths\":{}}");
    assertThat(PullSecretLabels.madeFor(secret, registry)).isTrue();
  }

  @Test
  void secretNameFromTheSpecReplacesTheDefault() {
    registry.getSpec().pullSecrets.secretName = "shared-pull";

    assertThat(PullSecretModels.pullSecret(registry, "apps", "{}").getMetadata().getName()).isEqualTo("shared-pull");
  }

  @Test
  void caConfigMapHoldsCaCrt() {
    ConfigMap map = PullSecretModels.caConfigMap(registry, "apps", "PEM");

    assertThat(map.getMetadata().getName()).isEqualTo("demo-ca");
    assertThat(map.getData()).isEqualTo(Map.of("ca.crt", "PEM"));
  }

  @Test
  void copyIsUpToDateOnlyWithSameContentAndBerthLabels() {
    Secret desired = PullSecretModels.pullSecret(registry, "apps", "{\"auths\":{}}");
    Secret same = PullSecretModels.pullSecret(registry, "apps", "{\"auths\":{}}");
    same.getMetadata().getLabels().put("other", "label");
    Secret rotated = PullSecretModels.pullSecret(registry, "apps", "{\"auths\":{\"x\":{}}}");
    Secret unlabelled = PullSecretModels.pullSecret(registry, "apps", "{\"auths\":{}}");
    unlabelled.getMetadata().setLabels(Map.of());

    assertThat(PullSecretModels.upToDate(same, desired)).isTrue();
    assertThat(PullSecretModels.upToDate(rotated, desired)).isFalse();
    assertThat(PullSecretModels.upToDate(unlabelled, desired)).isFalse();
    assertThat(PullSecretLabels.madeByBerth(unlabelled)).isFalse();
  }

  @Test
  void copiesOfAnotherRegistryOrWithoutBerthLabelsAreConflicts() {
    Secret mine = PullSecretModels.pullSecret(registry, "apps", "{}");
    Registry other = TestRegistries.registry(withPullSecrets());
    other.getMetadata().setName("other");
    Secret theirs = PullSecretModels.pullSecret(other, "apps", "{}");
    Secret foreign = new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("demo-pull")
        .endMetadata().build();

    assertThat(PullSecretLabels.conflict(PullSecretModels.pullSecret(registry, "apps", "{\"x\":1}"), mine)).isEmpty();
    assertThat(PullSecretLabels.conflict(theirs, mine)).hasValueSatisfying(m -> assertThat(m).contains("tools/other"));
    assertThat(PullSecretLabels.conflict(foreign, mine)).hasValueSatisfying(m -> assertThat(m)
        .contains("not created by Berth"));
  }

  @Test
  void replacementKeepsTheExistingResourceVersionAndForeignLabels() {
    Secret existing = PullSecretModels.pullSecret(registry, "apps", "{}");
    existing.getMetadata().setResourceVersion("42");
    existing.getMetadata().getLabels().put("team", "x");

    Secret replacement = PullSecretModels.replacing(existing, PullSecretModels.pullSecret(registry, "apps", "{\"a\":1}"));

    assertThat(replacement.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(replacement.getMetadata().getLabels()).containsEntry("team", "x")
        .containsEntry(PullSecretLabels.REGISTRY, "demo");
  }
}
