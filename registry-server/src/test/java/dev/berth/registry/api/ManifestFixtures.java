package dev.berth.registry.api;

import dev.berth.registry.storage.LayoutPaths;
import dev.berth.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Seeds storage the way a finished blob upload leaves it, and builds manifest bodies for tests. */
final class ManifestFixtures {
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  private ManifestFixtures() {
  }

  /** A blob as a completed upload leaves it: data at the blob path and a {@code _layers} link in the repository. */
  static Digest seedBlob(StorageDriver driver, String repository, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(bytes);
    try {
      driver.putContent(LayoutPaths.blobData(digest), bytes);
      driver.putContent(LayoutPaths.layerLink(new RepositoryName(repository), digest),
          digest.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digest;
  }

  static String descriptor(String mediaType, Digest digest, long size) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size + "}";
  }

  static String dockerManifest(Digest config, Digest... layers) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.DOCKER_MANIFEST + "\",\"config\":"
        + descriptor(DOCKER_CONFIG, config, 10) + ",\"layers\":[" + descriptors(DOCKER_LAYER, layers) + "]}";
  }

  static String ociManifest(Digest config, Digest... layers) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(OCI_CONFIG, config, 10) + ",\"layers\":[" + descriptors(OCI_LAYER, layers) + "]}";
  }

  /** An OCI artifact: empty config, an artifactType, one layer, a subject and annotations. */
  static String artifact(String artifactType, Digest emptyConfig, Digest layer, Digest subject, String annotation) {
    return "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"artifactType\":\""
        + artifactType + "\",\"config\":" + descriptor(ManifestMediaTypes.OCI_EMPTY, emptyConfig, 2)
        + ",\"layers\":[" + descriptor("application/vnd.example.data", layer, 4) + "],\"subject\":"
        + descriptor(ManifestMediaTypes.OCI_MANIFEST, subject, 100)
        + ",\"annotations\":{\"org.example.note\":\"" + annotation + "\"}}";
  }

  static String index(String mediaType, Digest... children) {
    String childType = mediaType.equals(ManifestMediaTypes.OCI_INDEX)
        ? ManifestMediaTypes.OCI_MANIFEST : ManifestMediaTypes.DOCKER_MANIFEST;
    return "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":["
        + descriptors(childType, children) + "]}";
  }

  private static String descriptors(String mediaType, Digest... digests) {
    StringBuilder result = new StringBuilder();
    for (Digest digest : digests) {
      if (result.length() > 0) {
        result.append(',');
      }
      result.append(descriptor(mediaType, digest, 20));
    }
    return result.toString();
  }
}
