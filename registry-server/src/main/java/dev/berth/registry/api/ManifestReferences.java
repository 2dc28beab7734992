package dev.berth.registry.api;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks that everything a manifest references is in its repository before the manifest is stored, as registry:2
 * does: the config and layers of an image must be linked blobs, the children of an index must be manifests of
 * the repository. The {@code subject} is exempt (OCI 1.1 lets referrers arrive before their subject), and so are
 * foreign or non-distributable layers that name the {@code urls} clients fetch them from.
 */
public final class ManifestReferences {

  private ManifestReferences() {
  }

  /** Throws MANIFEST_BLOB_UNKNOWN naming the first missing digest, or MANIFEST_INVALID for a bad layer URL. */
  public static void verify(ParsedManifest manifest, ContentLookup repository) throws IOException {
    if (manifest.isIndex()) {
      for (ManifestDescriptor child : manifest.manifests()) {
        if (!repository.manifestExists(child.digest())) {
          throw unknown(child, "child manifest");
        }
      }
      return;
    }
    if (!repository.blobExists(manifest.config().digest())) {
      throw unknown(manifest.config(), "config blob");
    }
    for (ManifestDescriptor layer : manifest.layers()) {
      checkUrls(layer);
      if (ManifestMediaTypes.isForeignLayer(layer.mediaType()) && !layer.urls().isEmpty()) {
        continue;
      }
      boolean present = repository.blobExists(layer.digest())
          || (ManifestMediaTypes.isSupported(layer.mediaType()) && repository.manifestExists(layer.digest()));
      if (!present) {
        throw unknown(layer, "layer blob");
      }
    }
  }

  private static void checkUrls(ManifestDescriptor layer) {
    for (String url : layer.urls()) {
      if (!isFetchable(url)) {
        throw new RegistryException(ErrorCode.MANIFEST_INVALID, null,
            "layer " + layer.digest() + " has an invalid url (http or https without fragment expected): " + url);
      }
    }
  }

  private static boolean isFetchable(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static RegistryException unknown(ManifestDescriptor descriptor, String what) {
    return new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, descriptor.digest().toString(),
        what + " " + descriptor.digest() + " is not in this repository; push it first");
  }
}
