package dev.berth.registry.api;

import java.util.Locale;
import java.util.Set;

/** The manifest and layer media types the manifest endpoints know, and what each implies. */
public final class ManifestMediaTypes {
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  /** Digest of the two-byte empty JSON object {@code {}} that OCI artifacts use as their config. */
  public static final String OCI_EMPTY_DIGEST =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  /** Schema 1 types: refused, as registry:2 2.8 does by default. */
  private static final Set<String> SCHEMA1 = Set.of(
      "application/vnd.docker.distribution.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v1+prettyjws");

  /** Layers that clients fetch from their {@code urls}, so the registry need not hold them. */
  private static final Set<String> FOREIGN_LAYERS = Set.of(
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  private static final Set<String> MANIFESTS = Set.of(DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST, OCI_INDEX);

  private ManifestMediaTypes() {
  }

  public static boolean isSupported(String mediaType) {
    return MANIFESTS.contains(mediaType);
  }

  public static boolean isSchema1(String mediaType) {
    return SCHEMA1.contains(mediaType);
  }

  /** Index types list child manifests; image types list a config and layers. */
  public static boolean isIndex(String mediaType) {
    return DOCKER_MANIFEST_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
  }

  public static boolean isOci(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || OCI_INDEX.equals(mediaType);
  }

  public static boolean isForeignLayer(String mediaType) {
    return FOREIGN_LAYERS.contains(mediaType);
  }

  /**
   * The bare type of a {@code Content-Type} or {@code Accept} element: parameters dropped, lower case. Returns
   * the empty string for null.
   */
  public static String bare(String headerValue) {
    if (headerValue == null) {
      return "";
    }
    int semicolon = headerValue.indexOf(';');
    String type = semicolon < 0 ? headerValue : headerValue.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
