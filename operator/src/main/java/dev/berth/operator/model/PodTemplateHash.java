package dev.berth.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of everything the pods read at start: config.yml, htpasswd, certificate and key, http.secret.
 * It sits on the pod template, so pods roll exactly when one of those really changes, never for a reconcile
 * that rewrote nothing. Secrets the operator does not own (a cert-manager Secret) are not included: they
 * reach running pods through the volume, and the server reloads its certificate.
 */
public final class PodTemplateHash {
  public static final String ANNOTATION = "berth.dev/config-hash";

  private PodTemplateHash() {
  }

  /** {@code inputs}: a name for each input (e.g. "secret/x/tls.crt") to its content. Order does not matter. */
  public static String of(Map<String, String> inputs) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(inputs).forEach((name, content) -> {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update((content == null ? "" : content).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
