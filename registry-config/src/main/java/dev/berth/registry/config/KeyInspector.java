package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.config.ConfigSchema.Key;
import dev.berth.registry.config.ConfigSchema.Kind;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports keys that registry:2 would silently ignore — unknown keys and keys at the wrong indentation, with a
 * hint where they probably belong — and keys Berth accepts but does not act on yet.
 */
final class KeyInspector {
  private static final int MAX_HINTS = 3;

  private final List<ConfigWarning> warnings;

  KeyInspector(List<ConfigWarning> warnings) {
    this.warnings = warnings;
  }

  void inspect(ObjectNode root) {
    walk(ConfigSchema.ROOT, root, "");
  }

  private void walk(Key schema, ObjectNode node, String parentPath) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      String path = parentPath.isEmpty() ? name : parentPath + "." + name;
      Key key = schema.child(name);
      if (key == null) {
        // Below a selector, unknown names are drivers or auth types: the validator accepts or refuses them.
        if (schema.kind == Kind.SECTION) {
          warnings.add(new ConfigWarning(path, unknownKeyMessage(schema, name, path)));
        }
        continue;
      }
      if (key.notActedOn != null) {
        if (!switchedOff(value)) {
          warnings.add(new ConfigWarning(path,
              path + " is accepted but not acted on by Berth yet (" + key.notActedOn + ")"));
        }
        continue;
      }
      if (key.isMapping() && value.isObject()) {
        walk(key, (ObjectNode) value, path);
      }
    }
    if (schema.name.equals("cache")) {
      inspectCache(node);
    }
  }

  private void inspectCache(ObjectNode cache) {
    JsonNode type = cache.get("blobdescriptor");
    if (type == null || !type.isValueNode() || type.asText().isEmpty() || type.asText().equals("inmemory")) {
      return;
    }
    String path = "storage.cache.blobdescriptor";
    if (type.asText().equals("redis")) {
      warnings.add(new ConfigWarning(path, path + ": redis is accepted but not acted on by Berth yet "
          + "(Berth does not use redis yet; blob descriptors are cached in memory)"));
    } else {
      warnings.add(new ConfigWarning(path, path + ": unknown cache type " + ConfigException.quote(type.asText())
          + " ignored (expected inmemory or redis)"));
    }
  }

  /** A section the user explicitly disabled ({@code enabled: false}, {@code disabled: true}) needs no warning. */
  private static boolean switchedOff(JsonNode value) {
    if (value == null || value.isNull() || (value.isBoolean() && !value.asBoolean())) {
      return true;
    }
    if (value.isObject()) {
      JsonNode enabled = value.get("enabled");
      JsonNode disabled = value.get("disabled");
      return (enabled != null && isFalse(enabled)) || (disabled != null && isTrue(disabled));
    }
    return false;
  }

  private static boolean isFalse(JsonNode node) {
    return Booleans.parse(node) == Boolean.FALSE;
  }

  private static boolean isTrue(JsonNode node) {
    return Booleans.parse(node) == Boolean.TRUE;
  }

  private static String unknownKeyMessage(Key schema, String name, String path) {
    String message = "unknown key " + path + " ignored";
    String hint = hint(schema, name, path);
    return hint == null ? message : message + "; " + hint;
  }

  private static String hint(Key schema, String name, String path) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.equals(name) && schema.child(lower) != null) {
      return "keys are lower case: did you mean " + schema.child(lower).path + "?";
    }
    List<String> candidates = ConfigSchema.pathsNamed(name).stream().filter(c -> !c.equals(path)).toList();
    if (candidates.isEmpty() || candidates.size() > MAX_HINTS) {
      return null;
    }
    return "it probably belongs at " + String.join(" or ", candidates) + " (check its indentation)";
  }
}
