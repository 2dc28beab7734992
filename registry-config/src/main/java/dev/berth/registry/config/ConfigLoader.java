package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a registry:2 {@code config.yml} (or, without a file, the registry:2 image's built-in one), applies the
 * {@code REGISTRY_*} environment overrides, checks every value, and binds the result. Anything invalid stops with
 * a one-line {@link ConfigException}; anything merely suspicious becomes a {@link ConfigWarning}.
 */
public final class ConfigLoader {
  private static final YAMLMapper YAML = reader();

  private ConfigLoader() {
  }

  /**
   * How config YAML is read everywhere: duplicate keys are errors (as in Go's yaml), and yes/no/on/off stay
   * strings so that a string value keeps its text; boolean keys accept them through {@link Booleans}.
   */
  static YAMLMapper reader() {
    return YAMLMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** Loads the file, or the image defaults when file is null, with overrides from the environment. */
  public static LoadedConfig load(Path file, Map<String, String> environment) {
    if (file == null) {
      return load(YAML.valueToTree(RegistryConfig.imageDefaults()), environment);
    }
    return load(read(file), file.toString(), environment);
  }

  /** Loads YAML text; source names it in error messages (a file name, say). */
  public static LoadedConfig load(String yaml, String source, Map<String, String> environment) {
    return load(parse(yaml, source), environment);
  }

  private static LoadedConfig load(ObjectNode root, Map<String, String> environment) {
    List<ConfigWarning> warnings = new ArrayList<>();
    new EnvOverrides(warnings).apply(root, environment);
    new KeyInspector(warnings).inspect(root);
    ConfigValidator.normalize(root);
    ConfigRules.checkTree(root, warnings);
    RegistryConfig config = bind(root);
    ConfigRules.check(config);
    return new LoadedConfig(config, warnings);
  }

  private static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException("config file " + file + " is a directory");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new ConfigException("cannot read config file " + file + ": permission denied");
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": YAML syntax error" + where(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(source + " is empty: a registry config starts with version: 0.1");
    }
    if (!(root instanceof ObjectNode object)) {
      throw new ConfigException(source + " is not a YAML mapping of keys (it starts with "
          + ConfigValidator.display(root) + ")");
    }
    return object;
  }

  private static RegistryConfig bind(ObjectNode root) {
    try {
      return YAML.treeToValue(root, RegistryConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException("invalid value for " + dottedPath(e) + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid configuration: " + firstLine(e.getOriginalMessage()), e);
    }
  }

  private static String dottedPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the configuration" : path.toString();
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
