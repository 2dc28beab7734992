package dev.berth.operator.secrets;

import java.security.SecureRandom;
import java.util.HexFormat;

/** {@link SecretGenerator} over a {@link SecureRandom}. */
public final class RandomSecretGenerator implements SecretGenerator {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int PASSWORD_LENGTH = 32;

  private final SecureRandom random;

  public RandomSecretGenerator() {
    this(new SecureRandom());
  }

  public RandomSecretGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public String password() {
    StringBuilder out = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  @Override
  public String hexKey(int bytes) {
    byte[] key = new byte[bytes];
    random.nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  @Override
  public byte[] salt() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return salt;
  }
}
