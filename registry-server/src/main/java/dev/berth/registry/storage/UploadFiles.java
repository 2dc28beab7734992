package dev.berth.registry.storage;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The files of upload sessions in registry:2's layout ({@code _uploads/<id>/startedat} and {@code data}), plus
 * one file of Berth's own, {@code verified-digest}, which registry:2 ignores: it is written once a completion has
 * verified the digest, so that a completion cut short by a crash is finished by the next request instead of
 * leaving a session that looks empty. Every method blocks.
 */
final class UploadFiles {
  private static final int READ_BUFFER = 64 * 1024;

  private final StorageDriver driver;
  private final BlobStore blobs;

  UploadFiles(StorageDriver driver, BlobStore blobs) {
    this.driver = driver;
    this.blobs = blobs;
  }

  void create(RepositoryName repository, String id, Instant startedAt) throws IOException {
    driver.putContent(LayoutPaths.uploadStartedAt(repository, id),
        startedAt.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** When the session started; BLOB_UPLOAD_UNKNOWN when the repository has no such session. */
  Instant startedAt(RepositoryName repository, String id) throws IOException {
    String path = LayoutPaths.uploadStartedAt(repository, id);
    byte[] content;
    try {
      content = driver.getContent(path);
    } catch (PathNotFoundException e) {
      throw unknown(id);
    }
    try {
      return OffsetDateTime.parse(new String(content, StandardCharsets.UTF_8).trim()).toInstant();
    } catch (DateTimeParseException e) {
      // registry:2 writes RFC 3339; a file we cannot read still proves the session exists.
      return driver.stat(path).modTime();
    }
  }

  /** Bytes stored in the session; a session nobody wrote to yet has no data object at all. */
  long size(RepositoryName repository, String id) throws IOException {
    try {
      return driver.stat(dataPath(repository, id)).size();
    } catch (PathNotFoundException e) {
      return 0;
    }
  }

  /** Feeds the session's stored bytes to the hasher. */
  MessageDigest hash(RepositoryName repository, String id, MessageDigest hasher) throws IOException {
    try (InputStream in = driver.reader(dataPath(repository, id), 0)) {
      byte[] buffer = new byte[READ_BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        hasher.update(buffer, 0, n);
      }
    } catch (PathNotFoundException e) {
      // A session nobody has written to yet: the hash of nothing.
    }
    return hasher;
  }

  /** Records that the session's content has this digest; from then on the session only rolls forward. */
  void markVerified(RepositoryName repository, String id, Digest digest) throws IOException {
    driver.putContent(verifiedMarker(repository, id), digest.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The digest a completion verified, when one got that far; null otherwise. */
  Digest verifiedDigest(RepositoryName repository, String id) throws IOException {
    try {
      return Digest.parse(new String(driver.getContent(verifiedMarker(repository, id)), StandardCharsets.UTF_8)
          .trim());
    } catch (PathNotFoundException e) {
      return null;
    } catch (RegistryException e) {
      // putContent is atomic, so an unreadable marker is not one we wrote: as good as absent.
      return null;
    }
  }

  /**
   * The last steps of a verified completion: publish the content at the blob path (unless the blob is already
   * there), link it into the repository, drop the session. Each step is idempotent.
   *
   * @return whether the blob now exists; false only when the session's content vanished before publication
   */
  boolean finishVerified(RepositoryName repository, String id, Digest digest) throws IOException {
    boolean published = blobs.contentSize(digest).isPresent();
    if (!published) {
      try {
        driver.move(dataPath(repository, id), LayoutPaths.blobData(digest));
        published = true;
      } catch (IOException e) {
        // Another session, or an earlier attempt at this one, may have published the same content meanwhile.
        published = blobs.contentSize(digest).isPresent();
        if (!published && !(e instanceof PathNotFoundException)) {
          throw e;
        }
      }
    }
    if (published) {
      blobs.link(repository, digest);
    }
    delete(repository, id);
    return published;
  }

  void delete(RepositoryName repository, String id) throws IOException {
    try {
      driver.delete(LayoutPaths.uploadDir(repository, id));
    } catch (PathNotFoundException e) {
      // Already gone: finishing or cancelling twice is not worth failing a request for.
    }
  }

  static String dataPath(RepositoryName repository, String id) {
    return LayoutPaths.uploadData(repository, id);
  }

  static RegistryException unknown(String id) {
    return new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, id, "blob upload unknown to registry: " + id);
  }

  private static String verifiedMarker(RepositoryName repository, String id) {
    return LayoutPaths.uploadDir(repository, id) + "/verified-digest";
  }
}
