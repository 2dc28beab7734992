package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.AuthSpec;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.S3Storage;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.config.RegistryConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigModelTest {

  @Test
  void defaultSpecServesTlsWithHtpasswdOnTheClaimAndAHealthListener() {
    RegistryConfig config = build(new RegistrySpec());

    assertThat(config.storage.filesystem.rootdirectory).isEqualTo("/var/lib/registry");
    assertThat(config.http.addr).isEqualTo(":5000");
    assertThat(config.http.debug.addr).isEqualTo(":5001");
    assertThat(config.http.tls.certificate).isEqualTo("/etc/berth/tls/tls.crt");
    assertThat(config.http.tls.key).isEqualTo("/etc/berth/tls/tls.key");
    assertThat(config.auth.htpasswd.path).isEqualTo("/etc/berth/auth/htpasswd");
    assertThat(config.http.secret).as("the shared secret comes from REGISTRY_HTTP_SECRET").isNull();
    assertThat(config.health.storagedriver.enabled).isTrue();
  }

  @Test
  void pushUserMayDoEverythingAndPullUserOnlyPull() {
    List<AccessConfig.Rule> rules = build(new RegistrySpec()).access.rules;

    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).users).containsExactly("berth-push");
    assertThat(rules.get(0).actions).containsExactly("*");
    assertThat(rules.get(1).users).containsExactly("berth-pull");
    assertThat(rules.get(1).actions).containsExactly("pull");
    assertThat(rules).allSatisfy(r -> assertThat(r.repositories).containsExactly("**"));
  }

  @Test
  void userConfigIsMergedUnderManagedKeysAndUserRulesFollowTheGeneratedOnes() {
    RegistrySpec spec = new RegistrySpec();
    spec.config = Map.of(
        "log", Map.of("level", "debug"),
        "storage", Map.of("delete", Map.of("enabled", true)),
        "access", Map.of("rules", List.of(Map.of("users", List.of("ci"), "repositories", List.of("apps/*"),
            "actions", List.of("pull", "push")))));

    RegistryConfig config = build(spec);

    assertThat(config.log.level).isEqualTo("debug");
    assertThat(config.storage.deleteEnabled()).isTrue();
    assertThat(config.storage.filesystem.rootdirectory).isEqualTo("/var/lib/registry");
    assertThat(config.access.rules).extracting(r -> r.users.get(0)).containsExactly("berth-push", "berth-pull", "ci");
  }

  @Test
  void s3StorageAndDisabledTlsAndNoAuth() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.s3 = new S3Storage();
    spec.storage.s3.bucket = "images";
    spec.storage.s3.region = "eu-west-1";
    spec.storage.s3.regionEndpoint = "https://minio:9000";
    spec.storage.s3.forcePathStyle = true;
    spec.tls = new TlsSpec();
    spec.tls.mode = TlsMode.Disabled;
    spec.auth = new AuthSpec();
    spec.auth.mode = AuthMode.None;

    RegistryConfig config = build(spec);

    assertThat(config.storage.filesystem).isNull();
    assertThat(config.storage.s3.bucket).isEqualTo("images");
    assertThat(config.storage.s3.regionendpoint).isEqualTo("https://minio:9000");
    assertThat(config.storage.s3.forcepathstyle).isTrue();
    assertThat(config.storage.s3.accesskey).as("keys come from the environment").isNull();
    assertThat(config.http.tls).isNull();
    assertThat(config.auth).isNull();
    assertThat(config.access).isNull();
  }

  @Test
  void renderedYamlReadsBackAsTheSameConfig() {
    String yaml = RegistryConfigModel.render(TestRegistries.effective(new RegistrySpec()), GeneratedUsers.DEFAULT);

    RegistryConfig read = ConfigYaml.parse(yaml);

    assertThat(yaml).startsWith("version: ");
    assertThat(ConfigYaml.toMap(read)).isEqualTo(ConfigYaml.toMap(build(new RegistrySpec())));
  }

  private static RegistryConfig build(RegistrySpec spec) {
    return RegistryConfigModel.build(TestRegistries.effective(spec), GeneratedUsers.DEFAULT);
  }
}
