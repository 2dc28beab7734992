package dev.berth.operator.secrets;

/** Source of new secret material; tests substitute a deterministic one. */
public interface SecretGenerator {

  /** A password safe to put in docker config files and URLs (letters and digits). */
  String password();

  /** Random bytes as hex, for shared keys such as the registry's http.secret. */
  String hexKey(int bytes);

  /** A bcrypt salt (16 bytes). */
  byte[] salt();
}
