package dev.berth.registry.storage;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.RepositoryName;

/**
 * registry:2's on-disk layout, so that a data directory written by either registry is served by the other:
 *
 * <pre>
 * /docker/registry/v2/
 *   blobs/&lt;alg&gt;/&lt;first two hex&gt;/&lt;hex&gt;/data                  blob content
 *   repositories/&lt;name&gt;/
 *     _layers/&lt;alg&gt;/&lt;hex&gt;/link                              blob linked into the repository
 *     _manifests/revisions/&lt;alg&gt;/&lt;hex&gt;/link                 manifest revision
 *     _manifests/tags/&lt;tag&gt;/current/link                     digest the tag points at
 *     _manifests/tags/&lt;tag&gt;/index/&lt;alg&gt;/&lt;hex&gt;/link         every digest the tag has pointed at
 *     _uploads/&lt;id&gt;/data                                    upload in progress
 *     _uploads/&lt;id&gt;/startedat                               RFC 3339 start time
 *     _referrers/&lt;alg&gt;/&lt;subject hex&gt;/&lt;alg&gt;/&lt;hex&gt;/link     Berth: manifests whose subject is that digest
 * </pre>
 * A link file holds the digest string ({@code sha256:...}). registry:2 ignores {@code _referrers}.
 */
public final class LayoutPaths {
  public static final String ROOT = "/docker/registry/v2";
  public static final String BLOBS = ROOT + "/blobs";
  public static final String REPOSITORIES = ROOT + "/repositories";

  private LayoutPaths() {
  }

  public static String blobData(Digest digest) {
    return blobDir(digest) + "/data";
  }

  public static String blobDir(Digest digest) {
    return BLOBS + "/" + digest.algorithm() + "/" + digest.hex().substring(0, 2) + "/" + digest.hex();
  }

  public static String repository(RepositoryName name) {
    return REPOSITORIES + "/" + name.value();
  }

  public static String layerLink(RepositoryName name, Digest digest) {
    return repository(name) + "/_layers/" + digest.algorithm() + "/" + digest.hex() + "/link";
  }

  public static String layersDir(RepositoryName name) {
    return repository(name) + "/_layers";
  }

  public static String manifestRevisionLink(RepositoryName name, Digest digest) {
    return manifestRevisionsDir(name) + "/" + digest.algorithm() + "/" + digest.hex() + "/link";
  }

  public static String manifestRevisionsDir(RepositoryName name) {
    return repository(name) + "/_manifests/revisions";
  }

  public static String tagsDir(RepositoryName name) {
    return repository(name) + "/_manifests/tags";
  }

  public static String tagDir(RepositoryName name, String tag) {
    return tagsDir(name) + "/" + tag;
  }

  public static String tagCurrentLink(RepositoryName name, String tag) {
    return tagDir(name, tag) + "/current/link";
  }

  public static String tagIndexLink(RepositoryName name, String tag, Digest digest) {
    return tagDir(name, tag) + "/index/" + digest.algorithm() + "/" + digest.hex() + "/link";
  }

  public static String uploadsDir(RepositoryName name) {
    return repository(name) + "/_uploads";
  }

  public static String uploadData(RepositoryName name, String uploadId) {
    return uploadsDir(name) + "/" + uploadId + "/data";
  }

  public static String uploadStartedAt(RepositoryName name, String uploadId) {
    return uploadsDir(name) + "/" + uploadId + "/startedat";
  }

  public static String uploadDir(RepositoryName name, String uploadId) {
    return uploadsDir(name) + "/" + uploadId;
  }

  public static String referrersDir(RepositoryName name, Digest subject) {
    return repository(name) + "/_referrers/" + subject.algorithm() + "/" + subject.hex();
  }

  public static String referrerLink(RepositoryName name, Digest subject, Digest referrer) {
    return referrersDir(name, subject) + "/" + referrer.algorithm() + "/" + referrer.hex() + "/link";
  }
}
