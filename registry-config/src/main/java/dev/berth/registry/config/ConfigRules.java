package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The checks that go beyond a value's type: allowed values, exactly one storage driver, at most one auth type,
 * well-formed addresses and URLs. Each failure is a one-line {@link ConfigException} naming key and value.
 */
final class ConfigRules {
  static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug");
  static final List<String> FORMATTERS = List.of("text", "json", "logstash");
  static final List<String> NETWORKS = List.of("tcp", "tcp4", "tcp6", "unix");
  static final List<String> TLS_VERSIONS = List.of("tls1.0", "tls1.1", "tls1.2", "tls1.3");

  private ConfigRules() {
  }

  /** Checks on the tree: the version, the choice of storage driver and auth type; moves {@code loglevel}. */
  static void checkTree(ObjectNode root, List<ConfigWarning> warnings) {
    JsonNode version = root.get("version");
    if (version == null) {
      throw new ConfigException("missing version: a registry config starts with version: 0.1");
    }
    if (!version.asText().equals("0.1")) {
      throw ConfigException.invalidValue("version", version.asText(), "0.1");
    }
    moveDeprecatedLogLevel(root, warnings);
    checkStorage(root.get("storage"));
    checkAuth(root.get("auth"));
  }

  /** Checks on the bound configuration; normalises case-insensitive values to lower case. */
  static void check(RegistryConfig config) {
    LogConfig log = config.log;
    if (log != null) {
      log.level = oneOf("log.level", log.level, LOG_LEVELS, "error, warn, info or debug");
      log.formatter = oneOf("log.formatter", log.formatter, FORMATTERS, "text, json or logstash");
    }
    HttpConfig http = config.http;
    if (http != null) {
      checkHttp(http);
    }
  }

  private static void checkHttp(HttpConfig http) {
    http.net = oneOf("http.net", http.net, NETWORKS, "tcp or unix");
    if (http.addr != null && !"unix".equals(http.net)) {
      ListenAddress.parse(http.addr);
    }
    if (http.prefix != null && !http.prefix.isEmpty() && !http.prefix.startsWith("/")) {
      throw ConfigException.invalidValue("http.prefix", http.prefix, "a path starting with /, such as /registry/");
    }
    if (http.host != null && !http.host.isEmpty()) {
      checkHost(http.host);
    }
    if (http.tls != null) {
      http.tls.minimumtls = oneOf("http.tls.minimumtls", http.tls.minimumtls, TLS_VERSIONS,
          "tls1.0, tls1.1, tls1.2 or tls1.3");
    }
  }

  private static void checkHost(String host) {
    String expected = "an absolute URL such as https://registry.example.com";
    try {
      URI uri = new URI(host);
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw ConfigException.invalidValue("http.host", host, expected);
      }
    } catch (URISyntaxException e) {
      throw ConfigException.invalidValue("http.host", host, expected);
    }
  }

  private static String oneOf(String key, String value, List<String> allowed, String expected) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw ConfigException.invalidValue(key, value, expected);
    }
    return lower;
  }

  private static void moveDeprecatedLogLevel(ObjectNode root, List<ConfigWarning> warnings) {
    JsonNode legacy = root.remove("loglevel");
    if (legacy == null) {
      return;
    }
    warnings.add(new ConfigWarning("loglevel", "loglevel is deprecated; use log.level"));
    JsonNode log = root.get("log");
    if (log == null || !log.isObject()) {
      log = root.putObject("log");
    }
    if (!log.has("level")) {
      ((ObjectNode) log).set("level", legacy);
    }
  }

  private static void checkStorage(JsonNode storage) {
    List<String> drivers = new ArrayList<>();
    if (storage != null) {
      for (Iterator<String> names = storage.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!ConfigSchema.STORAGE_SWITCHES.contains(name)) {
          drivers.add(name);
        }
      }
    }
    if (drivers.isEmpty()) {
      throw new ConfigException("no storage driver configured: set storage.filesystem.rootdirectory "
          + "(or storage.inmemory)");
    }
    if (drivers.size() > 1) {
      throw new ConfigException("storage has more than one driver (" + String.join(", ", drivers)
          + "): keep exactly one");
    }
    String driver = drivers.get(0);
    if (!ConfigSchema.STORAGE_DRIVERS.contains(driver)) {
      throw new ConfigException("unsupported storage driver storage." + driver
          + " (Berth supports filesystem, inmemory and s3)");
    }
  }

  private static void checkAuth(JsonNode auth) {
    if (auth == null) {
      return;
    }
    List<String> types = new ArrayList<>();
    auth.fieldNames().forEachRemaining(types::add);
    if (types.size() > 1) {
      throw new ConfigException("auth has more than one type (" + String.join(", ", types) + "): keep one");
    }
    if (types.size() == 1 && !ConfigSchema.AUTH_TYPES.contains(types.get(0))) {
      throw new ConfigException("unsupported auth type auth." + types.get(0) + " (Berth supports htpasswd)");
    }
    JsonNode htpasswd = auth.get("htpasswd");
    if (htpasswd != null) {
      for (String required : List.of("realm", "path")) {
        JsonNode value = htpasswd.get(required);
        if (value == null || value.asText().isBlank()) {
          throw new ConfigException("missing auth.htpasswd." + required + " (auth.htpasswd needs realm and path)");
        }
      }
    }
  }
}
