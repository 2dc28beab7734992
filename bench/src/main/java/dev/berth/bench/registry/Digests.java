package dev.berth.bench.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256:&lt;hex&gt; digests as the distribution API names content. */
public final class Digests {
  private Digests() {
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }

  public static String sha256(byte[] bytes) {
    return format(newSha256().digest(bytes));
  }

  public static String format(byte[] sha256) {
    return "sha256:" + HexFormat.of().formatHex(sha256);
  }
}
