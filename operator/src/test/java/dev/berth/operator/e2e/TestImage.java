package dev.berth.operator.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** A one-layer image in an OCI image layout directory, for skopeo's {@code oci:DIR:TAG} transport. */
final class TestImage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestImage() {
  }

  /** Writes the layout; returns the manifest digest. */
  static String write(Path dir, String tag, String fileContent) throws IOException {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    byte[] tar = tar("hello.txt", fileContent.getBytes(StandardCharsets.UTF_8));
    byte[] layer = gzip(tar);
    byte[] config = JSON.writeValueAsBytes(Map.of("architecture", "amd64", "os", "linux",
        "rootfs", Map.of("type", "layers", "diff_ids", List.of(digest(tar))), "config", Map.of()));
    byte[] manifest = JSON.writeValueAsBytes(Map.of("schemaVersion", 2,
        "mediaType", "application/vnd.oci.image.manifest.v1+json",
        "config", descriptor("application/vnd.oci.image.config.v1+json", blob(dir, config), config.length),
        "layers", List.of(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", blob(dir, layer), layer.length))));
    String manifestDigest = blob(dir, manifest);
    Map<String, Object> entry = descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest,
        manifest.length);
    entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
    Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(Map.of("schemaVersion", 2,
        "manifests", List.of(entry))));
    return manifestDigest;
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  private static String blob(Path dir, byte[] content) throws IOException {
    String digest = digest(content);
    Files.write(dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), content);
    return digest;
  }

  static String digest(byte[] content) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** A POSIX ustar archive with one regular file. */
  private static byte[] tar(String name, byte[] content) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, String.format("%011o", 0));
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    int padded = (content.length + 511) / 512 * 512;
    byte[] archive = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, archive, 0, 512);
    System.arraycopy(content, 0, archive, 512, content.length);
    return archive;
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
