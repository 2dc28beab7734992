package dev.berth.registry.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** htpasswd lines for tests. */
public final class TestHtpasswd {
  /** Written by Apache's {@code htpasswd -Bbn testuser testpassword}, trailing blank line included. */
  public static final String HTPASSWD_B_LINE =
      "testuser:$2y$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4kSOix3cDzpmqvNCKMlAE6Id2\n\n";

  private TestHtpasswd() {
  }

  /** A bcrypt hash of the given version (2a, 2b, 2y) at the lowest cost, to keep tests fast. */
  public static String hash(String version, String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate(version, password.getBytes(StandardCharsets.UTF_8), salt, 4);
  }
}
