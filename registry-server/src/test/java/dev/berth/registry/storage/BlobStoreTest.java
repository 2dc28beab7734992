package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlobStoreTest {
  private static final RepositoryName APP = new RepositoryName("library/app");
  private static final RepositoryName OTHER = new RepositoryName("library/other");
  private static final byte[] CONTENT = "blob".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256Of(CONTENT);

  private final InMemoryDriver driver = new InMemoryDriver();
  private final BlobStore blobs = new BlobStore(driver);

  @Test
  void linkedBlobHasItsSizeAndLinkHoldsTheDigest() throws IOException {
    driver.putContent(LayoutPaths.blobData(DIGEST), CONTENT);
    blobs.link(APP, DIGEST);

    assertThat(blobs.size(APP, DIGEST)).isEqualTo(CONTENT.length);
    assertThat(new String(driver.getContent(LayoutPaths.layerLink(APP, DIGEST)), StandardCharsets.UTF_8))
        .isEqualTo(DIGEST.toString());
    assertThat(blobs.open(DIGEST, 1).readAllBytes()).isEqualTo(new byte[] {'l', 'o', 'b'});
  }

  @Test
  void blobIsUnknownWithoutALinkOrWithoutContent() throws IOException {
    driver.putContent(LayoutPaths.blobData(DIGEST), CONTENT);
    assertUnknown(() -> blobs.size(APP, DIGEST));

    Digest dangling = Digest.sha256Of(new byte[] {9});
    blobs.link(APP, dangling);
    assertUnknown(() -> blobs.size(APP, dangling));
    assertThat(blobs.isLayer(APP, dangling)).isFalse();
  }

  @Test
  void manifestRevisionsAreReadableThroughTheBlobEndpoint() throws IOException {
    driver.putContent(LayoutPaths.blobData(DIGEST), CONTENT);
    driver.putContent(LayoutPaths.manifestRevisionLink(APP, DIGEST), DIGEST.toString().getBytes());

    assertThat(blobs.size(APP, DIGEST)).isEqualTo(CONTENT.length);
    assertThat(blobs.isLayer(APP, DIGEST)).isFalse();
  }

  @Test
  void unlinkRemovesOnlyThisRepositorysLink() throws IOException {
    driver.putContent(LayoutPaths.blobData(DIGEST), CONTENT);
    blobs.link(APP, DIGEST);
    blobs.link(OTHER, DIGEST);

    blobs.unlink(APP, DIGEST);

    assertUnknown(() -> blobs.size(APP, DIGEST));
    assertThat(blobs.size(OTHER, DIGEST)).isEqualTo(CONTENT.length);
    assertUnknown(() -> blobs.unlink(APP, DIGEST));
  }

  @Test
  void mountLinksOnlyWhatTheSourceHas() throws IOException {
    driver.putContent(LayoutPaths.blobData(DIGEST), CONTENT);
    blobs.link(OTHER, DIGEST);

    assertThat(blobs.mount(APP, new RepositoryName("target/one"), DIGEST)).isEmpty();
    assertThat(blobs.mount(OTHER, new RepositoryName("target/two"), DIGEST)).contains((long) CONTENT.length);
    assertThat(blobs.isLayer(new RepositoryName("target/one"), DIGEST)).isFalse();
    assertThat(blobs.isLayer(new RepositoryName("target/two"), DIGEST)).isTrue();
  }

  private static void assertUnknown(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UNKNOWN));
  }
}
