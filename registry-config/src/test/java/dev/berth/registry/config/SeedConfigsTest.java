package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The config.yml files and REGISTRY_* variables of the user guides in shared/seeds, verbatim: they must start
 * Berth as they start registry:2, with the keys registry:2 silently ignores reported.
 */
class SeedConfigsTest {

  @Test
  void guide001WithTlsLoadsAndReportsTheKeysThatLostTheirIndentation() {
    LoadedConfig loaded = load("001-config-with-tls.yml");
    RegistryConfig config = loaded.config();

    assertThat(config.log.level).isEqualTo("debug");
    assertThat(config.log.formatter).isEqualTo("text");
    assertThat(config.log.accessLogDisabled()).isTrue();
    assertThat(config.log.fields).containsEntry("service", "registry");
    assertThat(config.storage.filesystem.rootdirectory).isEqualTo("/var/lib/registry");
    assertThat(config.storage.deleteEnabled()).isFalse();
    assertThat(config.storage.readOnly()).isFalse();
    assertThat(config.storage.redirect.disable).isFalse();
    assertThat(config.storage.cache.blobdescriptor).isEqualTo("inmemory");
    assertThat(config.http.addr).isEqualTo(":5000");
    // Misplaced at the top level, so neither registry:2 nor Berth applies them.
    assertThat(config.http.tls).isNull();
    assertThat(config.http.headers).isNull();
    assertThat(config.health).isNull();

    assertThat(keys(loaded)).containsExactlyInAnyOrder("storage.filesystem.maxthreads",
        "storage.maintenance.uploadpurging", "tls", "headers", "storagedriver");
    assertThat(message(loaded, "tls")).contains("unknown key tls").contains("http.tls");
    assertThat(message(loaded, "headers")).contains("http.headers");
    assertThat(message(loaded, "storagedriver")).contains("health.storagedriver");
    assertThat(message(loaded, "storage.maintenance.uploadpurging")).contains("not acted on");
  }

  @Test
  void guide001BehindNginxLoadsWithTheSameWarningsExceptTls() {
    LoadedConfig loaded = load("001-config-nginx.yml");

    assertThat(loaded.config().log.level).isEqualTo("info");
    assertThat(keys(loaded)).containsExactlyInAnyOrder("storage.filesystem.maxthreads",
        "storage.maintenance.uploadpurging", "headers", "storagedriver");
  }

  @Test
  void guide002LoadsWithHtpasswdTlsAndAStrayThreshold() {
    LoadedConfig loaded = load("002-config.yml");
    RegistryConfig config = loaded.config();

    assertThat(config.log.level).isEqualTo("debug");
    assertThat(config.log.fields).containsEntry("environment", "staging");
    assertThat(config.storage.deleteEnabled()).isTrue();
    assertThat(config.auth.htpasswd.realm).isEqualTo("basic-realm");
    assertThat(config.auth.htpasswd.path).isEqualTo("/etc/docker/registry/auth/registry");
    assertThat(config.http.addr).isEqualTo(":443");
    assertThat(config.http.host).isEqualTo("https://mds-repo.cmri.cn");
    assertThat(config.http.headers).containsEntry("X-Content-Type-Options", List.of("nosniff"));
    assertThat(config.http.http2Disabled()).isFalse();
    assertThat(config.http.tls.certificate).isEqualTo("/etc/docker/registry/ssl/cmri.cn.crt");
    assertThat(config.http.tls.key).isEqualTo("/etc/docker/registry/ssl/cmri.cn.key");
    assertThat(config.health.storagedriver.enabled).isTrue();
    assertThat(config.health.storagedriver.interval).isEqualTo("10s");
    assertThat(config.health.storagedriver.threshold).isNull();

    assertThat(keys(loaded)).containsExactly("threshold");
    assertThat(message(loaded, "threshold")).contains("health.storagedriver.threshold");
  }

  @Test
  void guide000HtpasswdVariablesSelectHtpasswdAuthOnTheImageDefaults() {
    LoadedConfig loaded = ConfigLoader.load(null, Map.of(
        "REGISTRY_AUTH", "htpasswd",
        "REGISTRY_AUTH_HTPASSWD_REALM", "Registry Realm",
        "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd"));

    assertThat(loaded.config().auth.htpasswd.realm).isEqualTo("Registry Realm");
    assertThat(loaded.config().auth.htpasswd.path).isEqualTo("/auth/htpasswd");
    assertThat(loaded.config().storage.filesystem.rootdirectory).isEqualTo("/var/lib/registry");
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void guide000TlsVariablesSetAddressAndCertificate() {
    LoadedConfig loaded = ConfigLoader.load(null, Map.of(
        "REGISTRY_HTTP_ADDR", "0.0.0.0:443",
        "REGISTRY_HTTP_TLS_CERTIFICATE", "/certs/ca.crt",
        "REGISTRY_HTTP_TLS_KEY", "/certs/ca.key"));

    assertThat(loaded.config().http.addr).isEqualTo("0.0.0.0:443");
    assertThat(loaded.config().http.tls.certificate).isEqualTo("/certs/ca.crt");
    assertThat(loaded.config().http.tls.key).isEqualTo("/certs/ca.key");
    assertThat(loaded.config().http.headers).containsEntry("X-Content-Type-Options", List.of("nosniff"));
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void guide001And004CombinedTlsAndHtpasswdVariablesApplyTogether() {
    LoadedConfig loaded = ConfigLoader.load(null, Map.of(
        "REGISTRY_HTTP_ADDR", "0.0.0.0:443",
        "REGISTRY_HTTP_TLS_CERTIFICATE", "/certs/domain.crt",
        "REGISTRY_HTTP_TLS_KEY", "/certs/domain.key",
        "REGISTRY_AUTH", "htpasswd",
        "REGISTRY_AUTH_HTPASSWD_REALM", "Registry Realm",
        "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd"));

    assertThat(loaded.config().http.tls.certificate).isEqualTo("/certs/domain.crt");
    assertThat(loaded.config().auth.htpasswd.path).isEqualTo("/auth/htpasswd");
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void guide004LogLevelVariableOverridesTheDefault() {
    LoadedConfig loaded = ConfigLoader.load(null, Map.of("REGISTRY_LOG_LEVEL", "debug"));

    assertThat(loaded.config().log.level).isEqualTo("debug");
  }

  static LoadedConfig load(String resource) {
    return ConfigLoader.load(resource(resource), resource, Map.of());
  }

  static String resource(String name) {
    try (InputStream in = SeedConfigsTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> keys(LoadedConfig loaded) {
    return loaded.warnings().stream().map(ConfigWarning::key).toList();
  }

  static String message(LoadedConfig loaded, String key) {
    return loaded.warnings().stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow().message();
  }
}
