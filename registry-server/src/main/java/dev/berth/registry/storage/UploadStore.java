package dev.berth.registry.storage;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Blob upload sessions, stored as {@link UploadFiles} describes.
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
  /** Keyed weakly by driver: the tables hold no reference back to it, so a discarded driver is collected. */
  private static final Map<StorageDriver, ConcurrentHashMap<String, LiveHash>> SHARED_LIVE = new WeakHashMap<>();

  private final StorageDriver driver;
  private final UploadFiles files;
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
    this.files = new UploadFiles(driver, blobs);
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
    files.create(repository, id, startedAt);
    LiveHash hash = new LiveHash();
    hash.sha256 = Digest.newSha256();
    live.put(key(repository, id), hash);
    return new Status(repository, id, startedAt, 0);
  }

  /**
   * The session's progress. A session whose completion was cut short after its digest was verified is finished
   * now, and is then unknown, as it would have been had the completion run to its end.
   *
   * @throws RegistryException BLOB_UPLOAD_UNKNOWN when the repository has no such session
   */
  public Status status(RepositoryName repository, String id) throws IOException {
    if (!isValidId(id)) {
      throw UploadFiles.unknown(id);
    }
    Instant startedAt = files.startedAt(repository, id);
    Digest verified = files.verifiedDigest(repository, id);
    if (verified != null) {
      files.finishVerified(repository, id, verified);
      LiveHash stale = live.get(key(repository, id));
      if (stale != null && !stale.busy.get()) {
        live.remove(key(repository, id), stale);
      }
      throw UploadFiles.unknown(id);
    }
    return new Status(repository, id, startedAt, files.size(repository, id));
  }

  /**
   * Takes the session for one request; release it with {@link Upload#close()}.
   *
   * @throws RegistryException BLOB_UPLOAD_UNKNOWN for an unknown session, BLOB_UPLOAD_INVALID while another
   *                           request holds it
   */
  public Upload acquire(RepositoryName repository, String id) throws IOException {
    if (!isValidId(id)) {
      throw UploadFiles.unknown(id);
    }
    String key = key(repository, id);
    LiveHash hash = live.computeIfAbsent(key, k -> new LiveHash());
    if (!hash.busy.compareAndSet(false, true)) {
      throw new RegistryException(ErrorCode.BLOB_UPLOAD_INVALID, id,
          "another request is writing to upload " + id + "; retry after checking its status");
    }
    try {
      return new Upload(status(repository, id), key, hash);
    } catch (IOException | RuntimeException e) {
      hash.busy.set(false);
      boolean gone = e instanceof RegistryException registryException
          && registryException.code() == ErrorCode.BLOB_UPLOAD_UNKNOWN;
      if (gone || hash.sha256 == null) {
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
      ensureSha256(size);
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
      long stored = files.size(status.repository(), status.id());
      Digest actual = actualDigest(expected.algorithm(), stored);
      if (!actual.equals(expected)) {
        throw new RegistryException(ErrorCode.DIGEST_INVALID, expected.toString(),
            "provided digest " + expected + " does not match uploaded content (" + actual + ")");
      }
      files.markVerified(status.repository(), status.id(), expected);
      boolean published = files.finishVerified(status.repository(), status.id(), expected);
      live.remove(key, hash);
      if (!published) {
        throw new IOException("verified upload " + status.id() + " lost its content before it was published");
      }
      return stored;
    }

    /** Discards the session and its bytes. */
    public void cancel() throws IOException {
      if (writer != null) {
        writer.cancel();
        writer = null;
      }
      files.delete(status.repository(), status.id());
      live.remove(key, hash);
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

    /** Closes the writer, committing (making durable) when asked; the data object exists afterwards. */
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

    private Digest actualDigest(String algorithm, long stored) throws IOException {
      if (algorithm.equals("sha256")) {
        ensureSha256(stored);
        try {
          return Digest.of("sha256", ((MessageDigest) hash.sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
          // Not the case for the JDK's providers; fall back to reading the bytes again.
        }
      }
      return Digest.of(algorithm, files.hash(status.repository(), status.id(), Digest.newHasher(algorithm))
          .digest());
    }

    /** Makes hash.sha256 cover exactly the stored bytes, re-reading them when this process lost track. */
    private void ensureSha256(long stored) throws IOException {
      if (hash.sha256 == null || hash.hashedSize != stored) {
        hash.sha256 = null;
        hash.sha256 = files.hash(status.repository(), status.id(), Digest.newSha256());
        hash.hashedSize = stored;
      }
    }

    private String dataPath() {
      return UploadFiles.dataPath(status.repository(), status.id());
    }
  }

  private static String key(RepositoryName repository, String id) {
    return repository.value() + "/" + id;
  }
}
