package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String MINIMAL = "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /data\n";

  @TempDir
  Path dir;

  @Test
  void withoutAFileTheRegistryImageDefaultsApplyWithoutWarnings() {
    LoadedConfig loaded = ConfigLoader.load(null, Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.config()).usingRecursiveComparison().isEqualTo(RegistryConfig.imageDefaults());
    assertThat(loaded.config().storage.filesystem.rootdirectory).isEqualTo("/var/lib/registry");
    assertThat(loaded.config().http.addr).isEqualTo(":5000");
  }

  @Test
  void readsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("config.yml"), MINIMAL + "http:\n  addr: 127.0.0.1:0\n");

    LoadedConfig loaded = ConfigLoader.load(file, Map.of());

    assertThat(loaded.config().http.addr).isEqualTo("127.0.0.1:0");
    assertThat(loaded.config().storage.filesystem.rootdirectory).isEqualTo("/data");
  }

  @Test
  void missingFileIsOneLineNamingIt() {
    Path file = dir.resolve("nope.yml");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + file + " does not exist");
  }

  @Test
  void directoryInsteadOfFileIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of())).hasMessage("config file " + dir + " is a directory");
  }

  @Test
  void emptyFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.yml"), "");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageContaining("is empty");
  }

  @Test
  void yamlSyntaxErrorNamesLineAndColumnOnOneLine() {
    String yaml = "version: 0.1\nstorage:\n  filesystem: [\n";
    assertThatThrownBy(() -> ConfigLoader.load(yaml, "config.yml", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config.yml: YAML syntax error at line ")
        .hasMessageContaining("column")
        .hasMessageNotContaining("\n");
  }

  @Test
  void duplicateKeysAreASyntaxError() {
    String yaml = MINIMAL + "http:\n  addr: :1\n  addr: :2\n";
    assertThatThrownBy(() -> load(yaml)).hasMessageContaining("YAML syntax error").hasMessageContaining("addr");
  }

  @Test
  void nonMappingDocumentIsRefused() {
    assertThatThrownBy(() -> load("- a\n- b\n")).hasMessageContaining("is not a YAML mapping");
  }

  @Test
  void wrongVersionIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL.replace("0.1", "0.2")))
        .hasMessage("invalid value for version: \"0.2\" (expected 0.1)");
  }

  @Test
  void missingVersionIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL.replace("version: 0.1\n", "")))
        .hasMessageStartingWith("missing version");
  }

  @Test
  void unknownLogLevelIsRefusedNamingKeyAndValue() {
    assertThatThrownBy(() -> load(MINIMAL + "log:\n  level: verbose\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid value for log.level: \"verbose\" (expected error, warn, info or debug)");
  }

  @Test
  void logLevelAndFormatterAreCaseInsensitive() {
    RegistryConfig config = load(MINIMAL + "log:\n  level: INFO\n  formatter: JSON\n").config();
    assertThat(config.log.level).isEqualTo("info");
    assertThat(config.log.formatter).isEqualTo("json");
  }

  @Test
  void unknownFormatterIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "log:\n  formatter: xml\n"))
        .hasMessage("invalid value for log.formatter: \"xml\" (expected text, json or logstash)");
  }

  @Test
  void deprecatedTopLevelLogLevelStillWorks() {
    LoadedConfig loaded = load(MINIMAL + "loglevel: debug\n");
    assertThat(loaded.config().log.level).isEqualTo("debug");
    assertThat(SeedConfigsTest.keys(loaded)).containsExactly("loglevel");
  }

  @Test
  void malformedAddressIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  addr: localhost\n"))
        .hasMessageStartingWith("invalid value for http.addr: \"localhost\"");
  }

  @Test
  void unknownNetworkIsRefusedAndUnixAddressIsNotParsedAsHostPort() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  net: udp\n"))
        .hasMessage("invalid value for http.net: \"udp\" (expected tcp or unix)");
    assertThat(load(MINIMAL + "http:\n  net: unix\n  addr: /run/registry.sock\n").config().http.net)
        .isEqualTo("unix");
  }

  @Test
  void invalidDurationIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  draintimeout: 10 seconds\n"))
        .hasMessage("invalid value for http.draintimeout: \"10 seconds\" (expected a duration such as 10s, 168h "
            + "or 1h30m)");
    assertThatThrownBy(() -> load(MINIMAL + "health:\n  storagedriver:\n    interval: -5s\n"))
        .hasMessageStartingWith("invalid value for health.storagedriver.interval: \"-5s\"");
  }

  @Test
  void goDurationsAreAccepted() {
    RegistryConfig config = load(MINIMAL + "http:\n  draintimeout: 1h30m\n").config();
    assertThat(config.http.draintimeout).isEqualTo("1h30m");
  }

  @Test
  void booleansThatAreNotBooleansAreRefused() {
    assertThatThrownBy(() -> load(MINIMAL.replace("storage:\n", "storage:\n  delete:\n    enabled: maybe\n")))
        .hasMessage("invalid value for storage.delete.enabled: \"maybe\" (expected true or false)");
  }

  @Test
  void yamlOneOneBooleansAreBooleansAsInRegistry2() {
    RegistryConfig config = load(MINIMAL.replace("storage:\n", "storage:\n  delete:\n    enabled: yes\n"))
        .config();
    assertThat(config.storage.deleteEnabled()).isTrue();
  }

  @Test
  void wholeNumbersAreChecked() {
    assertThatThrownBy(() -> load(MINIMAL + "health:\n  storagedriver:\n    threshold: three\n"))
        .hasMessage("invalid value for health.storagedriver.threshold: \"three\" (expected a whole number)");
  }

  @Test
  void aSectionGivenAScalarIsRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "http: fast\n"))
        .hasMessage("invalid value for http: \"fast\" (expected a mapping of keys)");
  }

  @Test
  void twoStorageDriversAtOnceAreRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "  inmemory: {}\n"))
        .hasMessage("storage has more than one driver (filesystem, inmemory): keep exactly one");
  }

  @Test
  void missingStorageDriverIsRefused() {
    assertThatThrownBy(() -> load("version: 0.1\nstorage:\n  delete:\n    enabled: true\n"))
        .hasMessageStartingWith("no storage driver configured");
  }

  @Test
  void storageDriversBerthDoesNotHaveAreRefusedByName() {
    assertThatThrownBy(() -> load("version: 0.1\nstorage:\n  azure:\n    accountname: x\n"))
        .hasMessage("unsupported storage driver storage.azure (Berth supports filesystem, inmemory and s3)");
  }

  @Test
  void aDriverNameAloneSelectsThatDriver() {
    assertThat(load("version: 0.1\nstorage: inmemory\n").config().storage.inmemory).isNotNull();
    assertThat(load("version: 0.1\nstorage:\n  inmemory:\n").config().storage.inmemory).isNotNull();
  }

  @Test
  void htpasswdNeedsRealmAndPath() {
    assertThatThrownBy(() -> load(MINIMAL + "auth:\n  htpasswd:\n    realm: r\n"))
        .hasMessageStartingWith("missing auth.htpasswd.path");
    assertThatThrownBy(() -> load(MINIMAL + "auth: htpasswd\n"))
        .hasMessageStartingWith("missing auth.htpasswd.realm");
  }

  @Test
  void twoAuthTypesOrAnUnknownOneAreRefused() {
    assertThatThrownBy(() -> load(MINIMAL + "auth:\n  htpasswd: {realm: r, path: p}\n  token: {realm: x}\n"))
        .hasMessage("auth has more than one type (htpasswd, token): keep one");
    assertThatThrownBy(() -> load(MINIMAL + "auth:\n  ldap: {}\n"))
        .hasMessage("unsupported auth type auth.ldap (Berth supports htpasswd)");
  }

  @Test
  void hostMustBeAnAbsoluteUrl() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  host: registry.example.com\n"))
        .hasMessageStartingWith("invalid value for http.host: \"registry.example.com\"");
  }

  @Test
  void prefixMustBeAPath() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  prefix: registry\n"))
        .hasMessageStartingWith("invalid value for http.prefix: \"registry\"");
  }

  @Test
  void minimumTlsIsChecked() {
    assertThatThrownBy(() -> load(MINIMAL + "http:\n  tls:\n    minimumtls: ssl3\n"))
        .hasMessageStartingWith("invalid value for http.tls.minimumtls: \"ssl3\"");
  }

  @Test
  void headerValuesMayBeASingleString() {
    RegistryConfig config = load(MINIMAL + "http:\n  headers:\n    X-Frame-Options: DENY\n").config();
    assertThat(config.http.headers).containsEntry("X-Frame-Options", List.of("DENY"));
  }

  @Test
  void unknownKeysAreWarnedWithTheirFullPath() {
    LoadedConfig loaded = load(MINIMAL + "http:\n  addr: :5000\n  colour: blue\n");
    assertThat(SeedConfigsTest.message(loaded, "http.colour")).isEqualTo("unknown key http.colour ignored");
  }

  @Test
  void misspelledCaseGetsAHint() {
    LoadedConfig loaded = load(MINIMAL + "http:\n  Addr: :5000\n");
    assertThat(SeedConfigsTest.message(loaded, "http.Addr")).contains("did you mean http.addr?");
  }

  @Test
  void aStrayIntervalPointsToBothPlacesItCouldBelong() {
    LoadedConfig loaded = load(MINIMAL + "interval: 10s\n");
    assertThat(SeedConfigsTest.message(loaded, "interval"))
        .contains("health.storagedriver.interval").contains("storage.maintenance.uploadpurging.interval");
  }

  @Test
  void keysBerthDoesNotActOnAreEachNamed() {
    String yaml = MINIMAL + "  cache:\n    blobdescriptor: redis\n"
        + "log:\n  hooks:\n    - type: mail\n"
        + "notifications:\n  endpoints: []\n"
        + "redis:\n  addr: localhost:6379\n"
        + "proxy:\n  remoteurl: https://registry-1.docker.io\n"
        + "validation:\n  disabled: false\n"
        + "middleware:\n  registry: []\n"
        + "reporting:\n  bugsnag: {}\n"
        + "compatibility:\n  schema1: {}\n"
        + "http:\n  debug:\n    addr: :5001\n    prometheus:\n      enabled: true\n";
    LoadedConfig loaded = load(yaml);
    assertThat(SeedConfigsTest.keys(loaded)).containsExactlyInAnyOrder("storage.cache.blobdescriptor", "log.hooks",
        "notifications", "redis", "proxy", "validation", "middleware", "reporting", "compatibility",
        "http.debug.prometheus");
    assertThat(SeedConfigsTest.message(loaded, "redis")).startsWith("redis is accepted but not acted on by Berth");
  }

  @Test
  void tokenAuthIsParsedAndNamedAsNotActedOn() {
    LoadedConfig loaded = load(MINIMAL + "auth:\n  token:\n    realm: https://auth\n");
    assertThat(SeedConfigsTest.keys(loaded)).containsExactly("auth.token");
    assertThat(loaded.config().auth.token).containsEntry("realm", "https://auth");
  }

  @Test
  void sectionsSwitchedOffNeedNoWarning() {
    String yaml = MINIMAL + "  maintenance:\n    uploadpurging:\n      enabled: false\n";
    assertThat(load(yaml).warnings()).isEmpty();
  }

  @Test
  void envOverridesUseTheUpperCasedKeyPath() {
    LoadedConfig loaded = load(MINIMAL, Map.of(
        "REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", "/elsewhere",
        "REGISTRY_STORAGE_DELETE_ENABLED", "true",
        "REGISTRY_HTTP_RELATIVEURLS", "true",
        "REGISTRY_LOG_FIELDS_ENV", "prod",
        "REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD", "5"));
    RegistryConfig config = loaded.config();

    assertThat(config.storage.filesystem.rootdirectory).isEqualTo("/elsewhere");
    assertThat(config.storage.deleteEnabled()).isTrue();
    assertThat(config.http.relativeUrls()).isTrue();
    assertThat(config.log.fields).containsEntry("env", "prod");
    assertThat(config.health.storagedriver.threshold).isEqualTo(5);
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void selectingADriverByVariableReplacesTheStorageSectionThenLaterVariablesApply() {
    RegistryConfig config = load(MINIMAL + "  delete:\n    enabled: true\n", Map.of(
        "REGISTRY_STORAGE", "inmemory",
        "REGISTRY_STORAGE_MAINTENANCE_READONLY_ENABLED", "true")).config();

    assertThat(config.storage.filesystem).isNull();
    assertThat(config.storage.inmemory).isNotNull();
    // Replaced with the section, as in distribution.
    assertThat(config.storage.deleteEnabled()).isFalse();
    assertThat(config.storage.readOnly()).isTrue();
  }

  @Test
  void aDriverSelectedByNameInTheFileSurvivesVariablesBelowStorage() {
    RegistryConfig config = load("version: 0.1\nstorage: inmemory\n",
        Map.of("REGISTRY_STORAGE_DELETE_ENABLED", "true")).config();

    assertThat(config.storage.inmemory).isNotNull();
    assertThat(config.storage.deleteEnabled()).isTrue();
  }

  @Test
  void envValuesAreParsedAsYaml() {
    RegistryConfig config = load(MINIMAL, Map.of(
        "REGISTRY_HTTP_HEADERS", "{X-A: [one, two]}",
        "REGISTRY_HTTP_TLS_CLIENTCAS", "[/a.pem, /b.pem]")).config();

    assertThat(config.http.headers).containsEntry("X-A", List.of("one", "two"));
    assertThat(config.http.tls.clientcas).containsExactly("/a.pem", "/b.pem");
  }

  @Test
  void envOverridesOfMapKeysKeepTheFilesSpelling() {
    RegistryConfig config = defaultsWith(Map.of("REGISTRY_HTTP_HEADERS_X-CONTENT-TYPE-OPTIONS", "[off]"));
    assertThat(config.http.headers).containsEntry("X-Content-Type-Options", List.of("off")).hasSize(1);
  }

  @Test
  void envCanAppendToAListByIndex() {
    RegistryConfig config = load(MINIMAL + "http:\n  tls:\n    clientcas: [/a.pem]\n",
        Map.of("REGISTRY_HTTP_TLS_CLIENTCAS_1", "/b.pem")).config();
    assertThat(config.http.tls.clientcas).containsExactly("/a.pem", "/b.pem");
  }

  @Test
  void envValuesAsComposeFilesWriteThem() {
    RegistryConfig config = load(MINIMAL, Map.of(
        "REGISTRY_HTTP_ADDR", "0.0.0.0:443  # 或其它端口",
        "REGISTRY_HTTP_PREFIX", "/registry/",
        "REGISTRY_HTTP_SECRET", "",
        "REGISTRY_AUTH", "htpasswd",
        "REGISTRY_AUTH_HTPASSWD_REALM", "Registry Realm",
        "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd")).config();

    assertThat(config.http.addr).isEqualTo("0.0.0.0:443");
    assertThat(config.http.prefix).isEqualTo("/registry/");
    assertThat(config.http.secret).isNull();
    assertThat(config.auth.htpasswd.realm).isEqualTo("Registry Realm");
    assertThat(defaultsWith(Map.of("REGISTRY_HTTP_ADDR", ":5001")).http.addr).isEqualTo(":5001");
  }

  @Test
  void unrecognizedEnvVariablesAreIgnoredWithAWarning() {
    LoadedConfig loaded = load(MINIMAL, Map.of(
        "REGISTRY_PORT", "tcp://10.0.0.1:5000",
        "REGISTRY_SERVICE_HOST", "10.0.0.1",
        "REGISTRY_HTTP_NOPE", "x",
        "OTHER_VAR", "ignored"));
    assertThat(SeedConfigsTest.keys(loaded))
        .containsExactlyInAnyOrder("REGISTRY_PORT", "REGISTRY_SERVICE_HOST", "REGISTRY_HTTP_NOPE");
    assertThat(loaded.warnings().get(0).message()).startsWith("ignoring unrecognized environment variable ");
  }

  @Test
  void invalidEnvValuesNameTheKey() {
    assertThatThrownBy(() -> load(MINIMAL, Map.of("REGISTRY_LOG_LEVEL", "loud")))
        .hasMessage("invalid value for log.level: \"loud\" (expected error, warn, info or debug)");
    assertThatThrownBy(() -> load(MINIMAL, Map.of("REGISTRY_HTTP_SECRET", "a: b: c")))
        .hasMessageStartingWith("invalid value for environment variable REGISTRY_HTTP_SECRET")
        .hasMessageNotContaining("\n");
  }

  private static LoadedConfig load(String yaml) {
    return load(yaml, Map.of());
  }

  private static LoadedConfig load(String yaml, Map<String, String> env) {
    return ConfigLoader.load(yaml, "config.yml", env);
  }

  private static RegistryConfig defaultsWith(Map<String, String> env) {
    return ConfigLoader.load((Path) null, env).config();
  }
}
