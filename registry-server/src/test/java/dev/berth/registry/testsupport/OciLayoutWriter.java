package dev.berth.registry.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes test images as an OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}) that skopeo reads with the {@code oci:DIR:TAG} transport. Content comes from a seed,
 * so two runs build the same bytes.
 */
public final class OciLayoutWriter {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final List<Map<String, Object>> tagged = new ArrayList<>();

  public OciLayoutWriter(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  /** A single-platform image with {@code layers} layers of about {@code layerBytes} each; returns its digest. */
  public String addImage(String tag, long seed, int layers, int layerBytes) throws IOException {
    Map<String, Object> manifest = image(seed, layers, layerBytes, "amd64");
    return tag(tag, OCI_MANIFEST, blob(JSON.writeValueAsBytes(manifest)));
  }

  /** An image index over an amd64 and an arm64 image; returns the index's digest. */
  public String addMultiPlatformImage(String tag, long seed, int layers, int layerBytes) throws IOException {
    List<Map<String, Object>> children = new ArrayList<>();
    for (String arch : List.of("amd64", "arm64")) {
      byte[] manifest = JSON.writeValueAsBytes(image(seed + arch.hashCode(), layers, layerBytes, arch));
      Map<String, Object> child = descriptor(OCI_MANIFEST, blob(manifest), manifest.length);
      child.put("platform", Map.of("architecture", arch, "os", "linux"));
      children.add(child);
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", OCI_INDEX);
    index.put("manifests", children);
    return tag(tag, OCI_INDEX, blob(JSON.writeValueAsBytes(index)));
  }

  private Map<String, Object> image(long seed, int layers, int layerBytes, String arch) throws IOException {
    List<Map<String, Object>> layerDescriptors = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      byte[] tar = new TarBuilder()
          .addFile("data/layer-" + i + ".bin", SeededBytes.of(seed * 31 + i, layerBytes))
          .addFile("etc/layer-" + i + ".txt", ("layer " + i + " of " + arch + "\n").getBytes())
          .build();
      diffIds.add(SeededBytes.digestOf(tar));
      byte[] gzipped = gzip(tar);
      layerDescriptors.add(descriptor(OCI_LAYER_GZIP, blob(gzipped), gzipped.length));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", arch);
    config.put("os", "linux");
    config.put("config", Map.of("Cmd", List.of("/bin/true"), "Labels", Map.of("seed", Long.toString(seed))));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
    byte[] configBytes = JSON.writeValueAsBytes(config);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", OCI_MANIFEST);
    manifest.put("config", descriptor(OCI_CONFIG, blob(configBytes), configBytes.length));
    manifest.put("layers", layerDescriptors);
    return manifest;
  }

  private String tag(String tag, String mediaType, String digest) throws IOException {
    Map<String, Object> entry = descriptor(mediaType, digest, Files.size(blobPath(digest)));
    entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
    tagged.add(entry);
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("manifests", tagged);
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    return digest;
  }

  private String blob(byte[] content) throws IOException {
    String digest = SeededBytes.digestOf(content);
    Files.write(blobPath(digest), content);
    return digest;
  }

  private Path blobPath(String digest) {
    return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", digest);
    descriptor.put("size", size);
    return descriptor;
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
