package dev.berth.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fields an update changes, for the log: JSON paths only, never values (Secrets pass through here).
 * Fields the operator does not set (server defaults) are not listed.
 */
final class ChangeSummary {
  private static final int MAX_PATHS = 6;

  private ChangeSummary() {
  }

  static String of(HasMetadata actual, HasMetadata desired, KubernetesSerialization serialization) {
    JsonNode from = serialization.convertValue(actual, JsonNode.class);
    JsonNode to = serialization.convertValue(desired, JsonNode.class);
    List<String> paths = new ArrayList<>();
    for (JsonNode op : JsonDiff.asJson(from, to)) {
      String path = op.get("path").asText();
      boolean ours = !"remove".equals(op.get("op").asText()) && !path.startsWith("/status")
          && !path.startsWith("/metadata/ownerReferences") && !path.startsWith("/metadata/annotations/javaoperatorsdk");
      if (ours && !paths.contains(path)) {
        paths.add(path);
      }
    }
    if (paths.isEmpty()) {
      return "no field it sets";
    }
    String shown = String.join(", ", paths.subList(0, Math.min(MAX_PATHS, paths.size())));
    return paths.size() > MAX_PATHS ? shown + " and " + (paths.size() - MAX_PATHS) + " more" : shown;
  }
}
