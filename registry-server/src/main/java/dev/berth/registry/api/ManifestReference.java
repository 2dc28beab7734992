package dev.berth.registry.api;

/**
 * The {@code <reference>} of a manifest URL: a digest when it has the shape of one ({@code alg:hex}), else a tag.
 * Exactly one of the two is set.
 */
public record ManifestReference(String tag, Digest digest) {

  /**
   * For pushes: a malformed digest is DIGEST_INVALID and a malformed tag MANIFEST_INVALID (the spec's table has
   * no tag code), both 400.
   */
  public static ManifestReference forWrite(String reference) {
    if (Digest.looksLikeDigest(reference)) {
      return new ManifestReference(null, Digest.parse(reference));
    }
    return new ManifestReference(new Tag(reference).value(), null);
  }

  /**
   * For reads and deletes: a malformed digest is still DIGEST_INVALID (400), but a string that cannot be a tag
   * names no manifest, so it is MANIFEST_UNKNOWN (404) as on registry:2, whose routes never match it.
   */
  public static ManifestReference forRead(String reference) {
    if (Digest.looksLikeDigest(reference)) {
      return new ManifestReference(null, Digest.parse(reference));
    }
    if (!Tag.isValid(reference)) {
      throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, reference,
          "no manifest can have the reference " + abbreviate(reference) + ": it is neither a tag nor a digest");
    }
    return new ManifestReference(reference, null);
  }

  public boolean isTag() {
    return tag != null;
  }

  @Override
  public String toString() {
    return isTag() ? tag : digest.toString();
  }

  private static String abbreviate(String value) {
    return value.length() > 140 ? value.substring(0, 140) + "…" : value;
  }
}
