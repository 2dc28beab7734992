package dev.berth.operator.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Secret {@code data} in and out. Values are always written base64 in {@code data}, never {@code stringData},
 * so what the operator wants compares equal to what the API server returns. */
public final class SecretData {
  private SecretData() {
  }

  public static Map<String, String> encode(Map<String, String> plain) {
    Map<String, String> encoded = new TreeMap<>();
    plain.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }

  /** The decoded data of a Secret; empty map when absent. */
  public static Map<String, String> decode(Optional<Secret> secret) {
    Map<String, String> plain = new TreeMap<>();
    secret.map(Secret::getData).ifPresent(data -> data.forEach((k, v) -> {
      if (v != null) {
        plain.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
      }
    }));
    return plain;
  }

  public static Optional<String> value(Optional<Secret> secret, String key) {
    return Optional.ofNullable(decode(secret).get(key)).filter(v -> !v.isEmpty());
  }
}
