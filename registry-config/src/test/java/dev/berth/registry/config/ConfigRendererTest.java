package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRendererTest {

  @Test
  void imageDefaultsRoundTrip() {
    RegistryConfig original = RegistryConfig.imageDefaults();

    LoadedConfig loaded = ConfigLoader.load(ConfigRenderer.render(original), "rendered", Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config()).usingRecursiveComparison().isEqualTo(original);
  }

  @Test
  void aFullConfigurationRoundTripsWithoutWarnings() {
    RegistryConfig original = full();

    String yaml = ConfigRenderer.render(original);
    LoadedConfig loaded = ConfigLoader.load(yaml, "rendered", Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config()).usingRecursiveComparison().isEqualTo(original);
    assertThat(yaml).doesNotContain("null");
  }

  @Test
  void renderingIsDeterministicWhateverTheMapOrder() {
    RegistryConfig first = full();
    RegistryConfig second = full();
    Map<String, List<String>> reversed = new LinkedHashMap<>();
    reversed.put("X-B", List.of("2"));
    reversed.put("X-A", List.of("1"));
    second.http.headers = reversed;

    assertThat(ConfigRenderer.render(first)).isEqualTo(ConfigRenderer.render(second));
    assertThat(ConfigRenderer.render(first)).startsWith("version: \"0.1\"\nlog:\n");
  }

  @Test
  void stringsThatLookLikeOtherYamlStayStrings() {
    for (String tricky : List.of("yes", "on", "No", "123", "0.1", ":5000", "null", "~", "true", "a: b", "#x", "@x")) {
      RegistryConfig config = RegistryConfig.imageDefaults();
      config.http.secret = tricky;

      RegistryConfig loaded = ConfigLoader.load(ConfigRenderer.render(config), "rendered", Map.of()).config();

      assertThat(loaded.http.secret).as(tricky).isEqualTo(tricky);
    }
  }

  private static RegistryConfig full() {
    RegistryConfig config = RegistryConfig.imageDefaults();
    config.log.level = "debug";
    config.log.formatter = "json";
    config.log.accesslog = new LogConfig.AccessLog();
    config.log.accesslog.disabled = true;
    config.storage.delete = new StorageConfig.Delete();
    config.storage.delete.enabled = true;
    config.storage.maintenance = new StorageConfig.Maintenance();
    config.storage.maintenance.readonly = new StorageConfig.ReadOnly();
    config.storage.maintenance.readonly.enabled = false;
    config.auth = new AuthConfig();
    config.auth.htpasswd = new AuthConfig.Htpasswd();
    config.auth.htpasswd.realm = "Berth Registry";
    config.auth.htpasswd.path = "/etc/berth/htpasswd";
    config.access = new AccessConfig();
    config.access.groups = Map.of("ci", List.of("builder"));
    AccessConfig.Rule rule = new AccessConfig.Rule();
    rule.groups = List.of("ci");
    rule.repositories = List.of("apps/*");
    rule.actions = List.of("pull", "push");
    config.access.rules = List.of(rule);
    config.http.addr = ":5443";
    config.http.host = "https://registry.example.com";
    config.http.prefix = "/registry/";
    config.http.secret = "0123";
    config.http.relativeurls = true;
    config.http.draintimeout = "30s";
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-A", List.of("1"));
    headers.put("X-B", List.of("2"));
    config.http.headers = headers;
    config.http.tls = new TlsConfig();
    config.http.tls.certificate = "/tls/tls.crt";
    config.http.tls.key = "/tls/tls.key";
    config.http.tls.minimumtls = "tls1.2";
    config.http.tls.clientcas = List.of("/tls/ca.crt");
    return config;
  }
}
