package dev.berth.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code _state} query parameter of upload URLs: the session's repository, id, offset and start time,
 * signed with {@code http.secret} so that a replica can trust what another one handed out. The token has
 * registry:2's shape, URL-safe base64 of an HMAC-SHA256 followed by the JSON it signs, so a registry:2 and a
 * Berth sharing a secret accept each other's upload URLs.
 *
 * @param name      repository the session belongs to
 * @param uuid      session id
 * @param offset    bytes stored when the URL was handed out
 * @param startedAt when the session started
 */
record UploadState(String name, String uuid, long offset, Instant startedAt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAC_LENGTH = 32;

  /** Signs this state. */
  String pack(String secret) {
    ObjectNode node = JSON.createObjectNode();
    node.put("Name", name);
    node.put("UUID", uuid);
    node.put("Offset", offset);
    node.put("StartedAt", startedAt.toString());
    byte[] payload = node.toString().getBytes(StandardCharsets.UTF_8);
    byte[] mac = mac(secret, payload);
    byte[] token = Arrays.copyOf(mac, mac.length + payload.length);
    System.arraycopy(payload, 0, token, mac.length, payload.length);
    return Base64.getUrlEncoder().encodeToString(token);
  }

  /**
   * Verifies and reads a token.
   *
   * @throws RegistryException BLOB_UPLOAD_INVALID when the token is malformed or its signature does not match
   */
  static UploadState unpack(String token, String secret) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid("upload state is not base64");
    }
    if (bytes.length <= MAC_LENGTH) {
      throw invalid("upload state is too short");
    }
    byte[] payload = Arrays.copyOfRange(bytes, MAC_LENGTH, bytes.length);
    if (!MessageDigest.isEqual(Arrays.copyOf(bytes, MAC_LENGTH), mac(secret, payload))) {
      throw invalid("upload state signature does not match");
    }
    try {
      JsonNode node = JSON.readTree(payload);
      return new UploadState(node.path("Name").asText(), node.path("UUID").asText(), node.path("Offset").asLong(),
          parseTime(node.path("StartedAt").asText()));
    } catch (java.io.IOException | RuntimeException e) {
      throw invalid("upload state is not readable");
    }
  }

  private static Instant parseTime(String value) {
    return java.time.OffsetDateTime.parse(value).toInstant();
  }

  private static byte[] mac(String secret, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static RegistryException invalid(String message) {
    return new RegistryException(ErrorCode.BLOB_UPLOAD_INVALID, null, message);
  }
}
