package dev.berth.operator.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A structural check of a YAML object against a CRD's OpenAPI schema: unknown fields, types, enums and
 * required fields, as the API server checks them (CEL rules are repeated by SpecValidator).
 */
public final class SchemaCheck {
  private SchemaCheck() {
  }

  /** Problems of {@code resource} against the first version of {@code crd}; empty when it would be accepted. */
  public static List<String> problems(Map<String, Object> resource, CustomResourceDefinition crd) {
    // The API server validates apiVersion, kind and metadata itself; CRD schemas do not list them.
    Map<String, Object> body = new java.util.LinkedHashMap<>(resource);
    body.keySet().removeAll(List.of("apiVersion", "kind", "metadata"));
    return problems(body, crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
  }

  static List<String> problems(Object value, JSONSchemaProps schema) {
    List<String> problems = new ArrayList<>();
    check("", value, schema, problems);
    return problems;
  }

  private static void check(String path, Object value, JSONSchemaProps schema, List<String> problems) {
    if (value == null || Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      return;
    }
    String type = schema.getType();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()
        && schema.getEnum().stream().noneMatch(e -> e.asText().equals(String.valueOf(value)))) {
      problems.add(path + ": '" + value + "' is not one of " + schema.getEnum());
    }
    if ("object".equals(type) || schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      object(path, value, schema, problems);
    } else if ("array".equals(type)) {
      if (!(value instanceof List<?> list)) {
        problems.add(path + ": expected a list");
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        check(path + "[" + i + "]", list.get(i), schema.getItems().getSchema(), problems);
      }
    } else if ("string".equals(type) && !(value instanceof String)) {
      problems.add(path + ": expected a string, got " + value);
    } else if ("integer".equals(type) && !(value instanceof Integer || value instanceof Long)) {
      problems.add(path + ": expected an integer, got " + value);
    } else if ("boolean".equals(type) && !(value instanceof Boolean)) {
      problems.add(path + ": expected true or false, got " + value);
    }
  }

  private static void object(String path, Object value, JSONSchemaProps schema, List<String> problems) {
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(path + ": expected an object");
      return;
    }
    if (schema.getRequired() != null) {
      schema.getRequired().stream().filter(r -> !map.containsKey(r))
          .forEach(r -> problems.add(path + "." + r + ": required"));
    }
    boolean open = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
    Map<String, JSONSchemaProps> properties = schema.getProperties();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String child = path.isEmpty() ? key : path + "." + key;
      if (properties != null && properties.containsKey(key)) {
        check(child, entry.getValue(), properties.get(key), problems);
      } else if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        check(child, entry.getValue(), schema.getAdditionalProperties().getSchema(), problems);
      } else if (!open && properties != null && !properties.isEmpty()) {
        problems.add(child + ": unknown field");
      }
    }
  }
}
