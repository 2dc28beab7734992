package dev.berth.bench.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** An OCI image manifest over given config and layer blobs, with its bytes and digest fixed up front. */
public record ImageManifest(byte[] bytes, String digest) {
  public static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar";
  /** What pull clients send, so both servers take their content-negotiation path. */
  public static final String ACCEPT = MEDIA_TYPE + ", application/vnd.docker.distribution.manifest.v2+json, "
      + "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json";

  /**
   * @param serial written as an annotation so every serial gives a distinct manifest (and digest) over the same
   *     blobs, like successive CI builds
   */
  public static ImageManifest of(Blob config, List<Blob> layers, long serial) {
    StringBuilder json = new StringBuilder(256 + 160 * layers.size());
    json.append("{\"schemaVersion\":2,\"mediaType\":\"").append(MEDIA_TYPE).append("\",\"config\":");
    descriptor(json, CONFIG_MEDIA_TYPE, config);
    json.append(",\"layers\":[");
    for (int i = 0; i < layers.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      descriptor(json, LAYER_MEDIA_TYPE, layers.get(i));
    }
    json.append("],\"annotations\":{\"dev.berth.bench.serial\":\"").append(serial).append("\"}}");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    return new ImageManifest(bytes, Digests.sha256(bytes));
  }

  private static void descriptor(StringBuilder json, String mediaType, Blob blob) {
    json.append("{\"mediaType\":\"").append(mediaType).append("\",\"digest\":\"").append(blob.digest())
        .append("\",\"size\":").append(blob.size()).append('}');
  }
}
