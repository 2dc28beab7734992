package dev.berth.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** YAML 1.1 booleans, as Go's yaml.v2 (and so registry:2) reads them: true/false, yes/no, on/off, y/n. */
final class Booleans {
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
      "y", "Y");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off",
      "OFF", "n", "N");

  private Booleans() {
  }

  /** The boolean a node holds, or null when it is not a boolean. */
  static Boolean parse(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      if (TRUE.contains(node.textValue())) {
        return Boolean.TRUE;
      }
      if (FALSE.contains(node.textValue())) {
        return Boolean.FALSE;
      }
    }
    return null;
  }
}
