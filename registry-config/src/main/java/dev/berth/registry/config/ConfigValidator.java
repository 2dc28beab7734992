package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.registry.config.ConfigSchema.Key;
import dev.berth.registry.config.ConfigSchema.Kind;
import dev.berth.registry.config.ConfigSchema.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks every known value's type against the schema and normalises the tree for binding (YAML 1.1 booleans,
 * scalars read as strings, empty keys dropped, {@code storage: inmemory} expanded). The first invalid value
 * stops with a one-line {@link ConfigException} naming the key and the value. The rules that span keys or
 * restrict values live in {@link ConfigRules}.
 */
final class ConfigValidator {

  private ConfigValidator() {
  }

  static void normalize(ObjectNode root) {
    normalizeChildren(ConfigSchema.ROOT, root, "");
  }

  private static void normalizeChildren(Key schema, ObjectNode node, String parentPath) {
    List<String> absent = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = parentPath.isEmpty() ? field.getKey() : parentPath + "." + field.getKey();
      JsonNode value = field.getValue();
      boolean alternative = schema.kind == Kind.SELECTOR
          && !ConfigSchema.STORAGE_SWITCHES.contains(field.getKey());
      if (value == null || value.isNull()) {
        if (alternative) {
          // "inmemory:" or "htpasswd:" with nothing below still selects that driver or auth type.
          field.setValue(JsonNodeFactory.instance.objectNode());
        } else {
          absent.add(field.getKey());
        }
        continue;
      }
      Key key = schema.child(field.getKey());
      // Unknown drivers and auth types keep their free parameters; ConfigRules refuses them by name.
      if (key != null) {
        field.setValue(normalizeValue(key, value, path));
      }
    }
    absent.forEach(node::remove);
  }

  private static JsonNode normalizeValue(Key key, JsonNode value, String path) {
    return switch (key.kind) {
      case SECTION -> {
        ObjectNode section = requireMapping(value, path);
        normalizeChildren(key, section, path);
        yield section;
      }
      case SELECTOR -> {
        ObjectNode section = requireMapping(EnvOverrides.selected(value), path);
        normalizeChildren(key, section, path);
        yield section;
      }
      case MAP -> normalizeMap(key, requireMapping(value, path), path);
      case LEAF -> normalizeLeaf(key.type, value, path);
      case OPAQUE -> value;
    };
  }

  private static ObjectNode normalizeMap(Key key, ObjectNode map, String path) {
    List<String> absent = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = map.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (entry.getValue() == null || entry.getValue().isNull()) {
        absent.add(entry.getKey());
      } else {
        entry.setValue(normalizeLeaf(key.type, entry.getValue(), path + "." + entry.getKey()));
      }
    }
    absent.forEach(map::remove);
    return map;
  }

  private static ObjectNode requireMapping(JsonNode value, String path) {
    if (value instanceof ObjectNode object) {
      return object;
    }
    throw ConfigException.invalidValue(path, display(value), "a mapping of keys");
  }

  static JsonNode normalizeLeaf(Type type, JsonNode value, String path) {
    return switch (type) {
      case STRING -> TextNode.valueOf(scalar(value, path, "a string"));
      case BOOL -> {
        Boolean parsed = Booleans.parse(value);
        if (parsed == null) {
          throw ConfigException.invalidValue(path, display(value), "true or false");
        }
        yield BooleanNode.valueOf(parsed);
      }
      case INT -> {
        if (value.canConvertToLong() && value.isIntegralNumber()) {
          yield value;
        }
        throw ConfigException.invalidValue(path, display(value), "a whole number");
      }
      case DURATION -> normalizeDuration(value, path);
      case STRING_LIST -> normalizeList(value, path);
      case ANY -> value;
    };
  }

  private static JsonNode normalizeDuration(JsonNode value, String path) {
    String expected = "a duration such as 10s, 168h or 1h30m";
    if (value.isIntegralNumber() && value.asLong() >= 0) {
      // A bare number is nanoseconds in Go's yaml; keep it exact.
      return TextNode.valueOf(value.asLong() + "ns");
    }
    String text = scalar(value, path, expected);
    try {
      if (GoDuration.parse(text).isNegative()) {
        throw ConfigException.invalidValue(path, text, expected);
      }
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalidValue(path, text, expected);
    }
    return TextNode.valueOf(text);
  }

  private static ArrayNode normalizeList(JsonNode value, String path) {
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    if (value.isArray()) {
      for (JsonNode element : value) {
        list.add(scalar(element, path, "a list of strings"));
      }
    } else {
      // registry:2 wants a list here; a single value is what was meant.
      list.add(scalar(value, path, "a list of strings"));
    }
    return list;
  }

  private static String scalar(JsonNode value, String path, String expected) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      throw ConfigException.invalidValue(path, display(value), expected);
    }
    return value.asText();
  }

  /** A short rendering of a value for an error message. */
  static String display(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
