package dev.berth.registry.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the structure of a pushed manifest and classifies it. Every problem is a MANIFEST_INVALID naming the
 * member at fault; nothing here touches storage (the existence of referenced content is
 * {@link ManifestReferences}' job).
 *
 * <p>The type comes from the body's {@code mediaType} when present, which must then agree with a manifest
 * Content-Type; a body without {@code mediaType} (allowed by OCI) takes its type from the Content-Type, which must
 * then be an OCI type because Docker manifests always carry their {@code mediaType}.
 */
public final class ManifestParser {
  static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** RFC 6838 type/subtype, as the OCI image spec requires of descriptor media types. */
  private static final Pattern MEDIA_TYPE = Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

  private ManifestParser() {
  }

  public static ParsedManifest parse(byte[] body, String contentType) {
    JsonNode root = readObject(body);
    checkSchemaVersion(root);
    String mediaType = classify(root, ManifestMediaTypes.bare(contentType));
    ManifestDescriptor subject = optionalDescriptor(root, "subject");
    String artifactType = optionalString(root, "artifactType");
    Map<String, String> annotations = annotations(root.get("annotations"), "annotations");
    if (ManifestMediaTypes.isIndex(mediaType)) {
      JsonNode children = root.get("manifests");
      if (children == null || !children.isArray()) {
        throw invalid("an index needs a \"manifests\" array");
      }
      return new ParsedManifest(mediaType, null, List.of(), descriptors(children, "manifests"), subject,
          artifactType, annotations);
    }
    if (root.has("manifests")) {
      throw invalid("an image manifest must not have a \"manifests\" member (is it an index?)");
    }
    ManifestDescriptor config = optionalDescriptor(root, "config");
    if (config == null) {
      throw invalid("an image manifest needs a \"config\" descriptor");
    }
    JsonNode layers = root.get("layers");
    if (layers != null && !layers.isArray()) {
      throw invalid("\"layers\" must be an array");
    }
    List<ManifestDescriptor> layerList = layers == null ? List.of() : descriptors(layers, "layers");
    return new ParsedManifest(mediaType, config, layerList, List.of(), subject, artifactType, annotations);
  }

  static JsonNode readObject(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid("the manifest is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("the manifest could not be read as JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid("the manifest must be a JSON object");
    }
    return root;
  }

  private static void checkSchemaVersion(JsonNode root) {
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isIntegralNumber()) {
      throw invalid("\"schemaVersion\" must be the number 2");
    }
    if (version.asLong() == 1) {
      throw invalid("schema 1 manifests are not supported; push a schema 2 or OCI manifest");
    }
    if (version.asLong() != 2) {
      throw invalid("unsupported schemaVersion " + version.asText() + "; expected 2");
    }
  }

  private static String classify(JsonNode root, String contentType) {
    if (ManifestMediaTypes.isSchema1(contentType)) {
      throw invalid("schema 1 manifests are not supported; push a schema 2 or OCI manifest");
    }
    String declared = optionalString(root, "mediaType");
    if (declared != null) {
      if (!ManifestMediaTypes.isSupported(declared)) {
        throw invalid("unsupported manifest mediaType " + declared);
      }
      if (ManifestMediaTypes.isSupported(contentType) && !contentType.equals(declared)) {
        throw invalid("Content-Type " + contentType + " does not match the manifest's mediaType " + declared);
      }
      return declared;
    }
    if (!ManifestMediaTypes.isOci(contentType)) {
      throw invalid(contentType.isEmpty()
          ? "the manifest has no mediaType and the request no manifest Content-Type"
          : "Content-Type " + contentType + " is not a manifest type this registry accepts without a mediaType");
    }
    return contentType;
  }

  private static List<ManifestDescriptor> descriptors(JsonNode array, String member) {
    List<ManifestDescriptor> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(descriptor(array.get(i), member + "[" + i + "]"));
    }
    return result;
  }

  private static ManifestDescriptor optionalDescriptor(JsonNode root, String member) {
    JsonNode node = root.get(member);
    return node == null || node.isNull() ? null : descriptor(node, member);
  }

  static ManifestDescriptor descriptor(JsonNode node, String where) {
    if (!node.isObject()) {
      throw invalid(where + " must be a descriptor object");
    }
    String mediaType = optionalString(node, "mediaType", where);
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw invalid(where + ".mediaType must be a media type such as application/vnd.oci.image.layer.v1.tar");
    }
    String digestText = optionalString(node, "digest", where);
    Digest digest;
    try {
      digest = Digest.parse(digestText);
    } catch (RegistryException e) {
      throw invalid(where + ".digest is not a valid digest: " + digestText);
    }
    JsonNode size = node.get("size");
    if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
      throw invalid(where + ".size must be a non-negative integer");
    }
    return new ManifestDescriptor(mediaType, digest, size.asLong(), urls(node.get("urls"), where),
        optionalString(node, "artifactType", where), annotations(node.get("annotations"), where + ".annotations"));
  }

  private static List<String> urls(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw invalid(where + ".urls must be an array of strings");
    }
    List<String> urls = new ArrayList<>();
    for (JsonNode url : node) {
      if (!url.isTextual()) {
        throw invalid(where + ".urls must be an array of strings");
      }
      urls.add(url.asText());
    }
    return urls;
  }

  static Map<String, String> annotations(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid(where + " must be an object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isTextual()) {
        throw invalid(where + "." + entry.getKey() + " must be a string");
      }
      result.put(entry.getKey(), entry.getValue().asText());
    }
    return result;
  }

  private static String optionalString(JsonNode node, String member) {
    return optionalString(node, member, null);
  }

  private static String optionalString(JsonNode node, String member, String where) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid((where == null ? "" : where + ".") + member + " must be a string");
    }
    return value.asText();
  }

  private static RegistryException invalid(String message) {
    return new RegistryException(ErrorCode.MANIFEST_INVALID, null, message);
  }
}
