package dev.berth.registry.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:hex}. Only the algorithms the OCI image spec registers and that Berth can
 * verify are accepted (sha256, sha512); anything else is DIGEST_INVALID, never a path fragment.
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    Pattern pattern = switch (algorithm) {
      case "sha256" -> SHA256;
      case "sha512" -> SHA512;
      default -> throw new RegistryException(ErrorCode.DIGEST_INVALID, algorithm,
          "unsupported digest algorithm: " + algorithm);
    };
    if (!pattern.matcher(hex).matches()) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, algorithm + ":" + hex,
          "invalid " + algorithm + " digest");
    }
  }

  /** Parses {@code algorithm:hex}, throwing DIGEST_INVALID for anything malformed. */
  public static Digest parse(String value) {
    if (value == null) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, "digest missing");
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, value, "invalid digest: " + value);
    }
    return new Digest(value.substring(0, colon), value.substring(colon + 1));
  }

  /** True when the value has the shape of a digest (used to tell digests from tags in references). */
  public static boolean looksLikeDigest(String reference) {
    return reference.indexOf(':') > 0;
  }

  public static Digest sha256Of(byte[] content) {
    return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(content)));
  }

  public static Digest of(String algorithm, byte[] digestBytes) {
    return new Digest(algorithm, HexFormat.of().formatHex(digestBytes));
  }

  /** A fresh hasher for this digest's algorithm. */
  public MessageDigest newHasher() {
    return newHasher(algorithm);
  }

  public static MessageDigest newHasher(String algorithm) {
    try {
      return MessageDigest.getInstance(switch (algorithm) {
        case "sha256" -> "SHA-256";
        case "sha512" -> "SHA-512";
        default -> throw new RegistryException(ErrorCode.DIGEST_INVALID, "unsupported digest algorithm");
      });
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  public static MessageDigest newSha256() {
    return newHasher("sha256");
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
