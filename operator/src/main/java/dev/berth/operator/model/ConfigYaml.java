package dev.berth.operator.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.ConfigRenderer;
import dev.berth.registry.config.RegistryConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's only contact with the config.yml text. It renders with the server's own
 * {@link ConfigRenderer} and checks the result with the server's own {@link ConfigLoader}, so a config the
 * server would refuse is reported on the Registry instead of being written.
 */
public final class ConfigYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Keys a user's spec.config must not set: the operator derives them from the spec. */
  private static final List<List<String>> MANAGED_PATHS = List.of(
      List.of("storage", "filesystem"), List.of("storage", "s3"), List.of("storage", "inmemory"),
      List.of("storage", "azure"), List.of("storage", "gcs"), List.of("auth"), List.of("http", "addr"),
      List.of("http", "tls"), List.of("http", "secret"), List.of("http", "debug", "addr"));

  private ConfigYaml() {
  }

  public static String render(RegistryConfig config) {
    return ConfigRenderer.render(config);
  }

  /** Reads config.yml as the registry server will (no environment overrides); throws ConfigException. */
  public static RegistryConfig parse(String yaml) {
    return ConfigLoader.load(yaml, "config.yml", Map.of()).config();
  }

  /** Why the server would refuse this config, or empty when it would start with it. */
  public static Optional<String> refusal(RegistryConfig config) {
    try {
      parse(render(config));
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(firstLine(e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(RegistryConfig config) {
    return YAML.convertValue(config, LinkedHashMap.class);
  }

  /** Throws IllegalArgumentException when the map is not a config the server understands. */
  public static RegistryConfig fromMap(Map<String, Object> map) {
    return YAML.convertValue(map, RegistryConfig.class);
  }

  /** Why the user's spec.config cannot be used, or empty when it can. */
  public static Optional<String> validateUserConfig(Map<String, Object> userConfig) {
    for (List<String> path : MANAGED_PATHS) {
      if (has(userConfig, path)) {
        return Optional.of(String.join(".", path) + " is managed by the operator; set it through the Registry spec");
      }
    }
    try {
      fromMap(userConfig);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid registry config: " + firstLine(e.getMessage()));
    }
  }

  private static boolean has(Map<String, Object> map, List<String> path) {
    Object node = map;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return false;
      }
      node = m.get(key);
    }
    return true;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }
}
