package dev.berth.registry.api;

import java.util.List;

/**
 * Content negotiation for manifest GET/HEAD. The stored manifest is served as it was pushed (it cannot be
 * converted without changing its digest), when the client accepts its type, sends no Accept, or accepts a wildcard.
 * A client whose Accept list leaves out an OCI type gets MANIFEST_UNKNOWN, as from registry:2 2.8, because such a
 * client (an old Docker engine) could not use the manifest. Docker types are served regardless, as registry:2 does
 * for requests by digest.
 */
public final class AcceptedTypes {

  private AcceptedTypes() {
  }

  public static boolean allows(List<String> acceptHeaders, String mediaType) {
    if (!ManifestMediaTypes.isOci(mediaType)) {
      return true;
    }
    boolean any = false;
    for (String header : acceptHeaders) {
      for (String element : header.split(",")) {
        String type = ManifestMediaTypes.bare(element);
        if (type.isEmpty()) {
          continue;
        }
        any = true;
        if (type.equals(mediaType) || type.equals("*/*") || type.equals("application/*")) {
          return true;
        }
      }
    }
    return !any;
  }
}
