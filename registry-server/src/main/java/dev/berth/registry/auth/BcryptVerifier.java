package dev.berth.registry.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Checks a password against an htpasswd bcrypt hash with BouncyCastle, which accepts the {@code $2y$} hashes
 * written by Apache's {@code htpasswd -B} as well as {@code $2a$} and {@code $2b$}. Passwords are compared as
 * the raw bytes the client sent, as Go's bcrypt does, so non-ASCII passwords match what registry:2 accepts.
 */
class BcryptVerifier {
  /**
   * Checked against when the user is unknown, so that a wrong user name costs as much time as a wrong password
   * and response times do not reveal which users exist. Cost 5 is what {@code htpasswd -B} writes by default.
   */
  private final String decoyHash;

  BcryptVerifier() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    decoyHash = OpenBSDBCrypt.generate("2y", "decoy".toCharArray(), salt, 5);
  }

  /** Blocking: costs one bcrypt evaluation. A hash the library cannot read never verifies. */
  boolean verify(String hash, byte[] password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password);
    } catch (RuntimeException unreadableHash) {
      return false;
    }
  }

  /** Spends the time of one verification and answers no. */
  boolean rejectUnknownUser(byte[] password) {
    verify(decoyHash, password);
    return false;
  }
}
