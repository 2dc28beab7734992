package dev.berth.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the registry needs to know about a manifest it already stores: the type to serve it as and the members the
 * referrers API reports. Read leniently, because stored manifests may come from registry:2 or older Berth
 * versions; nothing here rejects content.
 *
 * @param mediaType       the {@code mediaType} member; without one, OCI index when the body has {@code manifests},
 *                        else OCI image manifest (registry:2's rule); {@code application/octet-stream} if unreadable
 * @param artifactType    the manifest's artifactType, or null
 * @param configMediaType the config descriptor's mediaType, or null
 * @param subject         the subject's digest, or null
 */
public record ManifestSummary(String mediaType, String artifactType, String configMediaType,
    Map<String, String> annotations, Digest subject) {
  public static final String UNREADABLE_TYPE = "application/octet-stream";

  public static ManifestSummary of(byte[] content) {
    JsonNode root;
    try {
      root = ManifestParser.readObject(content);
    } catch (RegistryException e) {
      return new ManifestSummary(UNREADABLE_TYPE, null, null, Map.of(), null);
    }
    return new ManifestSummary(mediaType(root), text(root.get("artifactType")),
        root.path("config").isObject() ? text(root.path("config").get("mediaType")) : null,
        annotations(root), subject(root));
  }

  /** The artifactType a referrers listing reports: the manifest's own, else its config's media type. */
  public String referrerArtifactType() {
    if (artifactType != null && !artifactType.isEmpty()) {
      return artifactType;
    }
    return ManifestMediaTypes.isIndex(mediaType) ? null : configMediaType;
  }

  /** The digests an index lists in {@code manifests}; empty for anything else or anything unreadable. */
  public static List<Digest> children(byte[] content) {
    JsonNode manifests;
    try {
      manifests = ManifestParser.readObject(content).get("manifests");
    } catch (RegistryException e) {
      return List.of();
    }
    if (manifests == null || !manifests.isArray()) {
      return List.of();
    }
    List<Digest> digests = new ArrayList<>();
    for (JsonNode child : manifests) {
      JsonNode digest = child.get("digest");
      if (digest != null && digest.isTextual()) {
        try {
          digests.add(Digest.parse(digest.asText()));
        } catch (RegistryException e) {
          // a malformed entry in a stored index names nothing
        }
      }
    }
    return digests;
  }

  private static String mediaType(JsonNode root) {
    String declared = text(root.get("mediaType"));
    if (declared != null && !declared.isEmpty()) {
      return declared;
    }
    return root.has("manifests") ? ManifestMediaTypes.OCI_INDEX : ManifestMediaTypes.OCI_MANIFEST;
  }

  private static Map<String, String> annotations(JsonNode root) {
    try {
      return ManifestParser.annotations(root.get("annotations"), "annotations");
    } catch (RegistryException e) {
      return Map.of();
    }
  }

  private static Digest subject(JsonNode root) {
    JsonNode digest = root.path("subject").get("digest");
    if (digest == null || !digest.isTextual()) {
      return null;
    }
    try {
      return Digest.parse(digest.asText());
    } catch (RegistryException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
