package dev.berth.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful password verifications so that a client pulling hundreds of layers pays for one bcrypt,
 * not hundreds. An entry is an HMAC-SHA256, under a key drawn at random when the process starts, of the user,
 * the user's hash line from the htpasswd file, and the supplied password: a changed password, a changed file
 * entry or a removed user never matches an old entry, and neither the cache nor a heap dump holds anything
 * from which a password could be recovered offline without the key. The cache is bounded; the least recently
 * used entries fall out first.
 */
final class VerificationCache {
  static final int DEFAULT_CAPACITY = 10_000;

  private final SecretKeySpec key;
  /** Access-ordered, so that {@code get} marks an entry as recently used; guarded by itself. */
  private final Map<String, Boolean> verified;

  VerificationCache(int capacity) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
    verified = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  VerificationCache() {
    this(DEFAULT_CAPACITY);
  }

  boolean contains(String user, String hash, byte[] password) {
    String fingerprint = fingerprint(user, hash, password);
    synchronized (verified) {
      return verified.get(fingerprint) != null;
    }
  }

  void remember(String user, String hash, byte[] password) {
    String fingerprint = fingerprint(user, hash, password);
    synchronized (verified) {
      verified.put(fingerprint, Boolean.TRUE);
    }
  }

  int size() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private String fingerprint(String user, String hash, byte[] password) {
    Mac mac = newMac();
    // Lengths first, so that no two different (user, hash, password) triples feed the same bytes.
    update(mac, user.getBytes(StandardCharsets.UTF_8));
    update(mac, hash.getBytes(StandardCharsets.UTF_8));
    update(mac, password);
    return HexFormat.of().formatHex(mac.doFinal());
  }

  private static void update(Mac mac, byte[] field) {
    mac.update(new byte[] {(byte) (field.length >>> 24), (byte) (field.length >>> 16),
        (byte) (field.length >>> 8), (byte) field.length});
    mac.update(field);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
