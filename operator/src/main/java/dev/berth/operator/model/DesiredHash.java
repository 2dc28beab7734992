package dev.berth.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * A digest of a desired object, stored on it as an annotation. Comparing only the fields the operator sets
 * (so server defaults never cause an update) misses a removed list entry or key; comparing this digest too
 * catches every change to what the operator wants, and stays stable across operator restarts.
 */
public final class DesiredHash {
  public static final String ANNOTATION = "berth.dev/desired-hash";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DesiredHash() {
  }

  public static String of(HasMetadata desired) {
    JsonNode tree = JSON.valueToTree(desired);
    if (tree.has("metadata")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("metadata")).remove("annotations");
    }
    StringBuilder canonical = new StringBuilder();
    write(tree, canonical);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Adds the annotation to {@code desired} and returns it. */
  public static <R extends HasMetadata> R annotate(R desired) {
    String hash = of(desired);
    if (desired.getMetadata().getAnnotations() == null) {
      desired.getMetadata().setAnnotations(new java.util.LinkedHashMap<>());
    }
    desired.getMetadata().getAnnotations().put(ANNOTATION, hash);
    return desired;
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null);
      out.append('{');
      for (String name : names) {
        if (!node.get(name).isNull()) {
          out.append(JSON.valueToTree(name).toString()).append(':');
          write(node.get(name), out);
          out.append(',');
        }
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      node.forEach(element -> {
        write(element, out);
        out.append(',');
      });
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }
}
