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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Blob upload sessions in registry:2's layout ({@code _uploads/<id>/startedat} and {@code _uploads/<id>/data}).
 *
 * <p>Bytes are hashed as they are appended; the running SHA-256 of each session this process has written stays
 * in memory, so completing an upload does not re-read it. A session this process does not know (after a restart,
 * or written by another replica) has its hash rebuilt from the stored bytes on first use. Requests on one session
 * are serialized: a second request while one holds the session fails fast rather than interleaving bytes.
 * Every method blocks; call it from a worker.
 */
public final class UploadStore {
  private static final Pattern ID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int REHASH_BUFFER = 64 * 1024;

  private final StorageDriver driver;
  private final BlobStore blobs;
  /** Keyed weakly by driver: the tables hold no reference back to it, so a discarded driver is collected. */
  private static final Map<StorageDriver, ConcurrentHashMap<String, LiveHash>> SHARED_LIVE = new WeakHashMap<>();

  private final ConcurrentHashMap<String, LiveHash> live;

  /** What this process knows about a session: whether a request holds it, and the hash of its bytes so far. */
  private static final class LiveHash {
    final AtomicBoolean busy = new AtomicBoolean();
    MessageDigest sha256;
    long hashedSize;
  }

  /** A session's identity and progress. */
  public record Status(RepositoryName repository, String id, Instant startedAt, long size) {
  }

  /**
   * Every store over the same driver instance in this process shares one table of live sessions, so that
   * routers built per verticle still serialize requests on a session through the same lock.
   */
  public UploadStore(StorageDriver driver, BlobStore blobs) {
    this.driver = driver;
    this.blobs = blobs;
    synchronized (SHARED_LIVE) {
      this.live = SHARED_LIVE.computeIfAbsent(driver, d -> new ConcurrentHashMap<>());
    }
  }

  /** Whether the value can be an upload id; anything else is unknown without touching storage. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Starts a session in the repository. */
  public Status start(RepositoryName repository) throws IOException {
    String id = UUID.randomUUID().toString();
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    driver.putContent(LayoutPaths.uploadStartedAt(repository, id),
        startedAt.toString().getBytes(StandardCharsets.UTF_8));
    LiveHash hash = new LiveHash();
    hash.sha256 = Digest.newSha256();
    live.put(key(repository, id), hash);
    return new Status(repository, id, startedAt, 0);
  }

  /**
   * The session's progress.
   *
   * @throws RegistryException BLOB_UPLOAD_UNKNOWN when the repository has no such session
   */
  public Status status(RepositoryName repository, String id) throws IOException {
    Instant startedAt = startedAt(repository, id);
    return new Status(repository, id, startedAt, storedSize(repository, id));
  }

  /**
   * Takes the session for one request; release it with {@link Upload#close()}.
   *
   * @throws RegistryException BLOB_UPLOAD_UNKNOWN for an unknown session, BLOB_UPLOAD_INVALID while another
   *                           request holds it
   */
  public Upload acquire(RepositoryName repository, String id) throws IOException {
    if (!isValidId(id)) {
      throw unknown(id);
    }
    String key = key(repository, id);
    LiveHash hash = live.computeIfAbsent(key, k -> new LiveHash());
    if (!hash.busy.compareAndSet(false, true)) {
      throw new RegistryException(ErrorCode.BLOB_UPLOAD_INVALID, id,
          "another request is writing to upload " + id + "; retry after checking its status");
    }
    try {
      Status status = status(repository, id);
      return new Upload(status, key, hash);
    } catch (IOException | RuntimeException e) {
      hash.busy.set(false);
      if (hash.sha256 == null) {
        live.remove(key, hash);
      }
      throw e;
    }
  }

  /** A session held by one request. */
  public final class Upload implements AutoCloseable {
    private final Status status;
    private final String key;
    private final LiveHash hash;
    private HashingWriter writer;
    private long size;

    private Upload(Status status, String key, LiveHash hash) {
      this.status = status;
      this.key = key;
      this.hash = hash;
      this.size = status.size();
    }

    public Status status() {
      return status;
    }

    /** Bytes stored so far, including those appended through this handle. */
    public long size() {
      return writer != null ? writer.size() : size;
    }

    /** A writer that appends to the session, hashing as it goes. One per request. */
    public FileWriter append() throws IOException {
      if (writer != null) {
        throw new IllegalStateException("upload already being appended to");
      }
      ensureSha256(status.size());
      writer = new HashingWriter(driver.writer(dataPath(), true), hash.sha256, hash.hashedSize);
      return writer;
    }

    /**
     * Verifies the content against the client's digest and makes it a blob of the repository. On a mismatch the
     * blob is not created and the session stays as it was, so the client may retry.
     *
     * @return the blob's size
     * @throws RegistryException DIGEST_INVALID when the content does not match
     */
    public long complete(Digest expected) throws IOException {
      finishWriting(true);
      long size = storedSize(status.repository(), status.id());
      Digest actual = actualDigest(expected.algorithm(), size);
      if (!actual.equals(expected)) {
        throw new RegistryException(ErrorCode.DIGEST_INVALID, expected.toString(),
            "provided digest " + expected + " does not match uploaded content (" + actual + ")");
      }
      publish(expected);
      blobs.link(status.repository(), expected);
      deleteSession();
      return size;
    }

    /** Discards the session and its bytes. */
    public void cancel() throws IOException {
      if (writer != null) {
        writer.cancel();
        writer = null;
      }
      deleteSession();
    }

    /** Closes the writer (keeping the bytes that arrived) and releases the session. */
    @Override
    public void close() throws IOException {
      try {
        if (writer != null) {
          finishWriting(false);
        }
      } finally {
        hash.busy.set(false);
      }
    }

    private void finishWriting(boolean commit) throws IOException {
      HashingWriter current = writer;
      writer = null;
      try (FileWriter closing = current != null ? current : driver.writer(dataPath(), true)) {
        if (commit) {
          closing.commit();
        }
      } finally {
        if (current != null) {
          size = current.size();
          boolean consistent = current.consistent();
          hash.hashedSize = consistent ? current.hashedSize() : -1;
          if (!consistent) {
            hash.sha256 = null;
          }
        }
      }
    }

    private Digest actualDigest(String algorithm, long size) throws IOException {
      if (algorithm.equals("sha256")) {
        ensureSha256(size);
        try {
          return Digest.of("sha256", ((MessageDigest) hash.sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
          // Not the case for the JDK's providers; fall back to reading the bytes again.
        }
      }
      return Digest.of(algorithm, rehash(Digest.newHasher(algorithm)).digest());
    }

    /** Makes hash.sha256 cover exactly the stored bytes, re-reading them when this process lost track. */
    private void ensureSha256(long storedSize) throws IOException {
      if (hash.sha256 == null || hash.hashedSize != storedSize) {
        hash.sha256 = null;
        MessageDigest rebuilt = rehash(Digest.newSha256());
        hash.sha256 = rebuilt;
        hash.hashedSize = storedSize;
      }
    }

    private MessageDigest rehash(MessageDigest hasher) throws IOException {
      try (InputStream in = driver.reader(dataPath(), 0)) {
        byte[] buffer = new byte[REHASH_BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          hasher.update(buffer, 0, n);
        }
      } catch (PathNotFoundException e) {
        // A session nobody has written to yet: the hash of nothing.
      }
      return hasher;
    }

    private void publish(Digest digest) throws IOException {
      if (blobs.contentSize(digest).isPresent()) {
        return;
      }
      try {
        driver.move(dataPath(), LayoutPaths.blobData(digest));
      } catch (PathNotFoundException e) {
        // An empty upload has no data object: store the empty blob directly.
        driver.putContent(LayoutPaths.blobData(digest), new byte[0]);
      } catch (IOException e) {
        // Another session may have published the same content meanwhile; that is as good as ours.
        if (blobs.contentSize(digest).isEmpty()) {
          throw e;
        }
      }
    }

    private void deleteSession() throws IOException {
      try {
        driver.delete(LayoutPaths.uploadDir(status.repository(), status.id()));
      } catch (PathNotFoundException e) {
        // Already gone: cancelling twice is not an error worth failing a completed upload for.
      }
      live.remove(key, hash);
    }

    private String dataPath() {
      return LayoutPaths.uploadData(status.repository(), status.id());
    }
  }

  private Instant startedAt(RepositoryName repository, String id) throws IOException {
    if (!isValidId(id)) {
      throw unknown(id);
    }
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

  private long storedSize(RepositoryName repository, String id) throws IOException {
    try {
      return driver.stat(LayoutPaths.uploadData(repository, id)).size();
    } catch (PathNotFoundException e) {
      return 0;
    }
  }

  private static String key(RepositoryName repository, String id) {
    return repository.value() + "/" + id;
  }

  private static RegistryException unknown(String id) {
    return new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, id, "blob upload unknown to registry: " + id);
  }
}
