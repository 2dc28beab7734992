package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UploadStoreTest {
  private static final RepositoryName REPO = new RepositoryName("library/app");
  private static final byte[] CONTENT = "layer bytes".getBytes(StandardCharsets.UTF_8);

  private final InMemoryDriver driver = new InMemoryDriver();
  private final BlobStore blobs = new BlobStore(driver);
  private final UploadStore uploads = new UploadStore(driver, blobs);

  @Test
  void startWritesStartedAtInRegistry2Layout() throws IOException {
    UploadStore.Status status = uploads.start(REPO);

    assertThat(UploadStore.isValidId(status.id())).isTrue();
    assertThat(new String(driver.getContent(LayoutPaths.uploadStartedAt(REPO, status.id())), StandardCharsets.UTF_8))
        .isEqualTo(status.startedAt().toString());
    assertThat(uploads.status(REPO, status.id()).size()).isZero();
  }

  @Test
  void completedUploadBecomesALinkedBlobAndTheSessionDisappears() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);

    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      assertThat(upload.complete(Digest.sha256Of(CONTENT))).isEqualTo(CONTENT.length);
    }

    assertThat(blobs.size(REPO, Digest.sha256Of(CONTENT))).isEqualTo(CONTENT.length);
    assertThat(driver.getContent(LayoutPaths.blobData(Digest.sha256Of(CONTENT)))).isEqualTo(CONTENT);
    assertUnknown(() -> uploads.status(REPO, id));
  }

  @Test
  void wrongDigestCreatesNoBlobAndKeepsTheSession() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);
    Digest wrong = Digest.sha256Of(new byte[] {1});

    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      assertThatThrownBy(() -> upload.complete(wrong)).isInstanceOfSatisfying(RegistryException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_INVALID));
    }

    assertThat(blobs.contentSize(wrong)).isEmpty();
    assertThat(blobs.contentSize(Digest.sha256Of(CONTENT))).isEmpty();
    assertThat(uploads.status(REPO, id).size()).isEqualTo(CONTENT.length);
  }

  @Test
  void storesOverTheSameDriverShareTheSessionLock() throws IOException {
    String id = uploads.start(REPO).id();
    UploadStore sibling = new UploadStore(driver, blobs);

    try (UploadStore.Upload held = uploads.acquire(REPO, id)) {
      assertThatThrownBy(() -> sibling.acquire(REPO, id)).isInstanceOfSatisfying(RegistryException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID));
    }
  }

  @Test
  void aHeldSessionRefusesASecondRequest() throws IOException {
    String id = uploads.start(REPO).id();

    try (UploadStore.Upload held = uploads.acquire(REPO, id)) {
      assertThatThrownBy(() -> uploads.acquire(REPO, id)).isInstanceOfSatisfying(RegistryException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID));
    }
    uploads.acquire(REPO, id).close();
  }

  @Test
  void sessionUnknownToThisProcessIsRehashedFromStorage() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);
    // Another replica (or this process after a restart) sees the same bytes through its own driver instance.
    StorageDriver replica = new FailingDriver(driver, Integer.MAX_VALUE);
    UploadStore restarted = new UploadStore(replica, new BlobStore(replica));

    try (UploadStore.Upload upload = restarted.acquire(REPO, id)) {
      upload.append().write(ByteBuffer.wrap(CONTENT));
    }
    byte[] twice = (new String(CONTENT, StandardCharsets.UTF_8) + new String(CONTENT, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    try (UploadStore.Upload upload = restarted.acquire(REPO, id)) {
      upload.complete(Digest.sha256Of(twice));
    }

    assertThat(driver.getContent(LayoutPaths.blobData(Digest.sha256Of(twice)))).isEqualTo(twice);
  }

  @Test
  void sha512DigestsAreVerifiedByReadingTheStoredBytes() throws Exception {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);
    Digest sha512 = Digest.of("sha512", MessageDigest.getInstance("SHA-512").digest(CONTENT));

    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      upload.complete(sha512);
    }

    assertThat(blobs.size(REPO, sha512)).isEqualTo(CONTENT.length);
  }

  @Test
  void completingContentThatIsAlreadyStoredOnlyLinksIt() throws IOException {
    Digest digest = Digest.sha256Of(CONTENT);
    driver.putContent(LayoutPaths.blobData(digest), CONTENT);
    String id = uploads.start(REPO).id();
    append(id, CONTENT);

    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      upload.complete(digest);
    }

    assertThat(blobs.isLayer(REPO, digest)).isTrue();
    assertThatThrownBy(() -> driver.stat(LayoutPaths.uploadDir(REPO, id))).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void completionCutShortAfterVerificationIsFinishedByTheNextRequest() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);
    Digest digest = Digest.sha256Of(CONTENT);
    // A crash right after the digest was verified: the journal entry is there, nothing else happened yet.
    driver.putContent(LayoutPaths.uploadDir(REPO, id) + "/verified-digest", digest.toString().getBytes());

    assertUnknown(() -> uploads.status(REPO, id));

    assertThat(blobs.size(REPO, digest)).isEqualTo(CONTENT.length);
    assertThat(driver.getContent(LayoutPaths.blobData(digest))).isEqualTo(CONTENT);
    assertThatThrownBy(() -> driver.stat(LayoutPaths.uploadDir(REPO, id))).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void completionCutShortAfterPublishingIsLinkedByTheNextRequest() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);
    Digest digest = Digest.sha256Of(CONTENT);
    driver.putContent(LayoutPaths.uploadDir(REPO, id) + "/verified-digest", digest.toString().getBytes());
    driver.move(LayoutPaths.uploadData(REPO, id), LayoutPaths.blobData(digest));

    assertUnknown(() -> uploads.acquire(REPO, id));

    assertThat(blobs.size(REPO, digest)).isEqualTo(CONTENT.length);
    assertThatThrownBy(() -> driver.stat(LayoutPaths.uploadDir(REPO, id))).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void cancelRemovesTheSessionAndItsBytes() throws IOException {
    String id = uploads.start(REPO).id();
    append(id, CONTENT);

    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      upload.cancel();
    }

    assertThatThrownBy(() -> driver.stat(LayoutPaths.uploadDir(REPO, id))).isInstanceOf(PathNotFoundException.class);
    assertUnknown(() -> uploads.acquire(REPO, id));
  }

  @Test
  void unknownMalformedAndForeignIdsAreUnknown() throws IOException {
    String id = uploads.start(REPO).id();

    assertUnknown(() -> uploads.acquire(REPO, UUID.randomUUID().toString()));
    assertUnknown(() -> uploads.acquire(REPO, "../../../etc"));
    assertUnknown(() -> uploads.status(REPO, "not-an-id"));
    assertUnknown(() -> uploads.acquire(new RepositoryName("library/other"), id));
  }

  @Test
  void aFailedWriteIsRecoveredByRehashingWhatWasStored() throws IOException {
    FailingDriver failing = new FailingDriver(driver, 4);
    UploadStore store = new UploadStore(failing, new BlobStore(failing));
    String id = store.start(REPO).id();

    try (UploadStore.Upload upload = store.acquire(REPO, id)) {
      FileWriter writer = upload.append();
      writer.write(ByteBuffer.wrap(CONTENT, 0, 4));
      assertThatThrownBy(() -> writer.write(ByteBuffer.wrap(CONTENT, 4, CONTENT.length - 4)))
          .isInstanceOf(IOException.class);
    }
    long stored = store.status(REPO, id).size();
    byte[] prefix = java.util.Arrays.copyOf(CONTENT, (int) stored);
    try (UploadStore.Upload upload = store.acquire(REPO, id)) {
      upload.complete(Digest.sha256Of(prefix));
    }

    assertThat(driver.getContent(LayoutPaths.blobData(Digest.sha256Of(prefix)))).isEqualTo(prefix);
  }

  private void append(String id, byte[] bytes) throws IOException {
    try (UploadStore.Upload upload = uploads.acquire(REPO, id)) {
      upload.append().write(ByteBuffer.wrap(bytes));
    }
  }

  private static void assertUnknown(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_UNKNOWN));
  }

  /** A view of another driver whose writers accept a number of bytes, then fail after storing part of a write. */
  private static final class FailingDriver extends ForwardingDriver {
    private final int allowed;

    FailingDriver(StorageDriver delegate, int allowed) {
      super(delegate);
      this.allowed = allowed;
    }

    @Override
    public String name() {
      return "failing";
    }

    @Override
    public FileWriter writer(String path, boolean append) throws IOException {
      FileWriter inner = delegate.writer(path, append);
      return new FileWriter() {
        private long accepted;

        @Override
        public void write(ByteBuffer buffer) throws IOException {
          if (accepted + buffer.remaining() > (long) allowed) {
            // Half of the buffer reaches storage before the failure, as with a disk filling up.
            ByteBuffer half = buffer.duplicate();
            half.limit(half.position() + buffer.remaining() / 2);
            inner.write(half);
            throw new IOException("disk full");
          }
          accepted += buffer.remaining();
          inner.write(buffer);
        }

        @Override
        public long size() {
          return inner.size();
        }

        @Override
        public void commit() throws IOException {
          inner.commit();
        }

        @Override
        public void cancel() throws IOException {
          inner.cancel();
        }

        @Override
        public void close() throws IOException {
          inner.close();
        }
      };
    }
  }
}
