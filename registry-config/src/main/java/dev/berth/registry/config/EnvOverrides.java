package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.registry.config.ConfigSchema.Key;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code REGISTRY_*} environment variables to a parsed config tree with registry:2's rules: the name
 * after {@code REGISTRY_} is the key path, upper-cased and joined by {@code _}; the value is parsed as YAML;
 * variables are applied in lexical order of their names, so that {@code REGISTRY_AUTH=htpasswd} (which replaces
 * the whole {@code auth} section) comes before {@code REGISTRY_AUTH_HTPASSWD_PATH}. A variable that names no
 * known key is ignored with a warning, as distribution does (Kubernetes adds {@code REGISTRY_PORT} and friends
 * for a Service called "registry").
 */
final class EnvOverrides {
  static final String PREFIX = "REGISTRY_";
  private static final YAMLMapper YAML = ConfigLoader.reader();

  private final List<ConfigWarning> warnings;

  EnvOverrides(List<ConfigWarning> warnings) {
    this.warnings = warnings;
  }

  void apply(ObjectNode root, Map<String, String> environment) {
    Map<String, String> sorted = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
        sorted.put(name, value);
      }
    });
    sorted.forEach((name, value) -> applyOne(root, name, value));
  }

  private void applyOne(ObjectNode root, String name, String value) {
    String[] path = name.substring(PREFIX.length()).split("_", -1);
    for (String segment : path) {
      if (segment.isEmpty()) {
        ignore(name);
        return;
      }
    }
    set(root, ConfigSchema.ROOT, path, 0, name, parseValue(name, value));
  }

  /** Sets the value below container, creating mappings on the way, guided by the schema where it knows keys. */
  private void set(JsonNode container, Key schema, String[] path, int index, String name, JsonNode value) {
    String segment = path[index];
    boolean last = index == path.length - 1;
    if (container instanceof ArrayNode list) {
      setInList(list, schema, path, index, name, value);
      return;
    }
    ObjectNode object = (ObjectNode) container;
    Key child = schema == null ? null : schema.childForEnvSegment(segment);
    if (child == null && schema != null && schema.kind == ConfigSchema.Kind.SECTION) {
      ignore(name);
      return;
    }
    // Below a map, an opaque section or an unknown driver keys are free: child stays null from here on.
    Key next = child;
    String fieldName = existingField(object, segment,
        child != null ? child.name : segment.toLowerCase(Locale.ROOT));
    if (last) {
      object.set(fieldName, next != null && next.kind == ConfigSchema.Kind.SELECTOR ? selected(value) : value);
      return;
    }
    JsonNode current = object.get(fieldName);
    if (next != null && next.kind == ConfigSchema.Kind.SELECTOR) {
      // "storage: inmemory" in the file keeps its driver when a variable sets storage.delete.
      current = selected(current);
      object.set(fieldName, current);
    }
    if (current == null || !(current.isObject() || current.isArray())) {
      current = JsonNodeFactory.instance.objectNode();
      object.set(fieldName, current);
    }
    set(current, next, path, index + 1, name, value);
  }

  private void setInList(ArrayNode list, Key schema, String[] path, int index, String name, JsonNode value) {
    int position;
    try {
      position = Integer.parseInt(path[index]);
    } catch (NumberFormatException e) {
      ignore(name);
      return;
    }
    if (position < 0 || position > list.size()) {
      throw new ConfigException("environment variable " + name + " names list index " + position
          + " but the list has " + list.size() + " entries");
    }
    if (position == list.size()) {
      list.add(NullNode.getInstance());
    }
    if (index == path.length - 1) {
      list.set(position, value);
      return;
    }
    JsonNode current = list.get(position);
    if (!current.isObject()) {
      current = JsonNodeFactory.instance.objectNode();
      list.set(position, current);
    }
    set(current, schema, path, index + 1, name, value);
  }

  /** A key already in the file that matches case-insensitively keeps its spelling (header names, say). */
  private static String existingField(ObjectNode object, String segment, String fallback) {
    if (object.has(fallback)) {
      return fallback;
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String existing = names.next();
      if (existing.toUpperCase(Locale.ROOT).equals(segment)) {
        return existing;
      }
    }
    return fallback;
  }

  /** {@code REGISTRY_STORAGE=s3} means {@code storage: {s3: {}}}, as in distribution. */
  static JsonNode selected(JsonNode value) {
    if (value != null && value.isTextual() && !value.asText().isBlank()) {
      ObjectNode section = JsonNodeFactory.instance.objectNode();
      section.set(value.asText(), JsonNodeFactory.instance.objectNode());
      return section;
    }
    return value;
  }

  private static JsonNode parseValue(String name, String value) {
    try {
      JsonNode parsed = YAML.readTree(value);
      return parsed == null || parsed.isMissingNode() ? NullNode.getInstance() : parsed;
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid value for environment variable " + name + ": "
          + ConfigException.quote(value) + " is not valid YAML (" + e.getOriginalMessage() + ")");
    }
  }

  private void ignore(String name) {
    warnings.add(new ConfigWarning(name, "ignoring unrecognized environment variable " + name));
  }
}
