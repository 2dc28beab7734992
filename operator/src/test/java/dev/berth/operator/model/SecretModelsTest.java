package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.secrets.Htpasswd;
import dev.berth.operator.secrets.RandomSecretGenerator;
import dev.berth.operator.secrets.SecretGenerator;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretModelsTest {
  private final Registry registry = TestRegistries.registry(new RegistrySpec());
  private final SecretGenerator generator = new RandomSecretGenerator();

  @Test
  void credentialsHoldAPushAndAPullUserAndAreKeptOnceMade() {
    Secret first = SecretModels.credentials(registry, Optional.empty(), generator);
    Secret again = SecretModels.credentials(registry, Optional.of(first), generator);

    Map<String, String> data = SecretData.decode(Optional.of(first));
    assertThat(data).containsOnlyKeys("push-username", "push-password", "pull-username", "pull-password");
    assertThat(data.get("push-username")).isEqualTo("berth-push");
    assertThat(data.get("pull-username")).isEqualTo("berth-pull");
    assertThat(data.get("push-password")).isNotEqualTo(data.get("pull-password"));
    assertThat(again).isEqualTo(first);
    assertThat(first.getMetadata().getName()).isEqualTo("demo-credentials");
    assertThat(first.getMetadata().getLabels()).containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
  }

  @Test
  void aMissingPasswordIsRegeneratedWithoutTouchingTheOther() {
    Secret first = SecretModels.credentials(registry, Optional.empty(), generator);
    Map<String, String> data = SecretData.decode(Optional.of(first));
    Secret damaged = SecretModels.secret(registry, "demo-credentials", "credentials",
        Map.of("push-username", "berth-push", "push-password", data.get("push-password"),
            "pull-username", "berth-pull"));

    Map<String, String> repaired =
        SecretData.decode(Optional.of(SecretModels.credentials(registry, Optional.of(damaged), generator)));

    assertThat(repaired.get("push-password")).isEqualTo(data.get("push-password"));
    assertThat(repaired.get("pull-password")).isNotEmpty();
  }

  @Test
  void htpasswdHashesVerifyAndAreNotRecomputedWhileTheyStillVerify() {
    Map<String, String> credentials =
        SecretData.decode(Optional.of(SecretModels.credentials(registry, Optional.empty(), generator)));

    Secret first = SecretModels.htpasswd(registry, credentials, Optional.empty(), generator);
    Secret again = SecretModels.htpasswd(registry, credentials, Optional.of(first), generator);

    Map<String, String> entries = Htpasswd.parse(SecretData.decode(Optional.of(first)).get("htpasswd"));
    assertThat(entries).containsOnlyKeys("berth-push", "berth-pull");
    assertThat(Htpasswd.verifies(entries.get("berth-push"), credentials.get("push-password"))).isTrue();
    assertThat(Htpasswd.verifies(entries.get("berth-pull"), credentials.get("pull-password"))).isTrue();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void htpasswdFollowsAChangedPassword() {
    Map<String, String> credentials = new java.util.HashMap<>(
        SecretData.decode(Optional.of(SecretModels.credentials(registry, Optional.empty(), generator))));
    Secret first = SecretModels.htpasswd(registry, credentials, Optional.empty(), generator);
    credentials.put("pull-password", "rotated-by-hand");

    Secret updated = SecretModels.htpasswd(registry, credentials, Optional.of(first), generator);

    Map<String, String> before = Htpasswd.parse(SecretData.decode(Optional.of(first)).get("htpasswd"));
    Map<String, String> after = Htpasswd.parse(SecretData.decode(Optional.of(updated)).get("htpasswd"));
    assertThat(after.get("berth-push")).isEqualTo(before.get("berth-push"));
    assertThat(Htpasswd.verifies(after.get("berth-pull"), "rotated-by-hand")).isTrue();
  }

  @Test
  void httpSecretIsSharedAndKept() {
    Secret first = SecretModels.httpSecret(registry, Optional.empty(), generator);

    assertThat(SecretData.value(Optional.of(first), "http-secret")).hasValueSatisfying(v -> assertThat(v).hasSize(64));
    assertThat(SecretModels.httpSecret(registry, Optional.of(first), generator)).isEqualTo(first);
  }
}
