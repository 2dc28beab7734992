package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manifest store's behaviour, run against every storage driver. */
abstract class ManifestStoreContract {
  private static final String V2 = "/docker/registry/v2";
  private StorageDriver driver;
  private ManifestStore store;
  private final RepositoryName repo = new RepositoryName("library/alpine");
  private final byte[] content = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
  private final Digest digest = Digest.sha256Of(content);

  /** A fresh, empty driver for each test. */
  abstract StorageDriver newDriver();

  @BeforeEach
  void createStore() {
    driver = newDriver();
    store = new ManifestStore(driver);
  }

  private String text(String path) throws Exception {
    return new String(driver.getContent(path), StandardCharsets.UTF_8);
  }

  @Test
  void putWritesRegistry2sLayoutExactly() throws Exception {
    Digest subject = Digest.sha256Of(new byte[] {1});
    store.put(repo, digest, content, "latest", subject);

    String hex = digest.hex();
    assertThat(driver.getContent(V2 + "/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data"))
        .isEqualTo(content);
    String repoDir = V2 + "/repositories/library/alpine";
    assertThat(text(repoDir + "/_manifests/revisions/sha256/" + hex + "/link")).isEqualTo(digest.toString());
    assertThat(text(repoDir + "/_manifests/tags/latest/current/link")).isEqualTo(digest.toString());
    assertThat(text(repoDir + "/_manifests/tags/latest/index/sha256/" + hex + "/link")).isEqualTo(digest.toString());
    assertThat(text(repoDir + "/_referrers/sha256/" + subject.hex() + "/sha256/" + hex + "/link"))
        .isEqualTo(digest.toString());
    // registry:2 2.8 links a manifest only as a revision, never under _layers.
    assertThat(store.blobExists(repo, digest)).isFalse();
  }

  @Test
  void readsWhatRegistry2Wrote() throws Exception {
    String hex = digest.hex();
    driver.putContent(V2 + "/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data", content);
    String repoDir = V2 + "/repositories/library/alpine";
    byte[] link = digest.toString().getBytes(StandardCharsets.UTF_8);
    driver.putContent(repoDir + "/_manifests/revisions/sha256/" + hex + "/link", link);
    driver.putContent(repoDir + "/_manifests/tags/3.20/index/sha256/" + hex + "/link", link);
    driver.putContent(repoDir + "/_manifests/tags/3.20/current/link", link);

    assertThat(store.tagTarget(repo, "3.20")).contains(digest);
    assertThat(store.read(repo, digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    assertThat(store.tags(repo)).containsExactly("3.20");
    assertThat(store.repositoryExists(repo)).isTrue();
  }

  @Test
  void manifestIsInvisibleWithoutItsRevisionLinkEvenWhenContentExists() throws Exception {
    driver.putContent(LayoutPaths.blobData(digest), content);
    assertThat(store.read(repo, digest)).isEmpty();
    assertThat(store.manifestExists(repo, digest)).isFalse();
  }

  @Test
  void revisionLinkWithoutContentIsNotAManifest() throws Exception {
    driver.putContent(LayoutPaths.manifestRevisionLink(repo, digest),
        digest.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(store.read(repo, digest)).isEmpty();
    assertThat(store.manifestExists(repo, digest)).isFalse();
  }

  @Test
  void damagedLinkResolvesToNothing() throws Exception {
    driver.putContent(LayoutPaths.tagCurrentLink(repo, "x"), "garbage".getBytes(StandardCharsets.UTF_8));
    assertThat(store.tagTarget(repo, "x")).isEmpty();
  }

  @Test
  void manifestsAreScopedToTheirRepository() throws Exception {
    store.put(repo, digest, content, null, null);
    RepositoryName other = new RepositoryName("other");
    assertThat(store.read(other, digest)).isEmpty();
    assertThat(store.repositoryExists(other)).isFalse();
  }

  @Test
  void deleteRemovesRevisionTagsPointingAtItAndReferrerLink() throws Exception {
    Digest subject = Digest.sha256Of(new byte[] {2});
    store.put(repo, digest, content, "a", subject);
    store.put(repo, digest, content, "b", subject);
    byte[] otherContent = "{\"other\":1}".getBytes(StandardCharsets.UTF_8);
    Digest other = Digest.sha256Of(otherContent);
    store.put(repo, other, otherContent, "c", null);

    assertThat(store.delete(repo, digest, subject)).isTrue();

    assertThat(store.read(repo, digest)).isEmpty();
    assertThat(store.tags(repo)).containsExactly("c");
    assertThat(store.referrers(repo, subject)).isEmpty();
    assertThat(driver.getContent(LayoutPaths.blobData(digest))).isEqualTo(content); // left for GC
    assertThat(store.delete(repo, digest, subject)).isFalse();
  }

  @Test
  void untagKeepsTheManifest() throws Exception {
    store.put(repo, digest, content, "a", null);
    assertThat(store.untag(repo, "a")).isTrue();
    assertThat(store.tagTarget(repo, "a")).isEmpty();
    assertThat(store.read(repo, digest)).isPresent();
    assertThat(store.untag(repo, "a")).isFalse();
  }

  @Test
  void retaggingMovesCurrentAndKeepsHistory() throws Exception {
    byte[] second = "{\"second\":1}".getBytes(StandardCharsets.UTF_8);
    Digest secondDigest = Digest.sha256Of(second);
    store.put(repo, digest, content, "t", null);
    store.put(repo, secondDigest, second, "t", null);
    assertThat(store.tagTarget(repo, "t")).contains(secondDigest);
    assertThat(driver.list(LayoutPaths.tagDir(repo, "t") + "/index/sha256")).hasSize(2);
  }

  @Test
  void referrersListsEveryLinkedManifest() throws Exception {
    Digest subject = Digest.sha256Of(new byte[] {3});
    byte[] second = "{\"second\":1}".getBytes(StandardCharsets.UTF_8);
    store.put(repo, digest, content, null, subject);
    store.put(repo, Digest.sha256Of(second), second, null, subject);
    assertThat(store.referrers(repo, subject)).containsExactlyInAnyOrder(digest, Digest.sha256Of(second));
    assertThat(store.referrers(repo, Digest.sha256Of(new byte[] {4}))).isEmpty();
  }

  @Test
  void blobExistsNeedsLinkAndData() throws Exception {
    Digest blob = Digest.sha256Of(new byte[] {5});
    driver.putContent(LayoutPaths.layerLink(repo, blob), blob.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(store.blobExists(repo, blob)).isFalse();
    driver.putContent(LayoutPaths.blobData(blob), new byte[] {5});
    assertThat(store.blobExists(repo, blob)).isTrue();
    assertThat(store.blobExists(new RepositoryName("elsewhere"), blob)).isFalse();
  }

  @Test
  void interruptedPutNeverExposesALinkWithoutItsContent() throws Exception {
    Digest subject = Digest.sha256Of(new byte[] {6});
    // put writes five objects: content, revision link, referrer link, tag current link, tag index link.
    for (int failing = 1; failing <= 5; failing++) {
      FailingWritesDriver failingDriver = new FailingWritesDriver(failing);
      ManifestStore interrupted = new ManifestStore(failingDriver);
      assertThatThrownBy(
          () -> interrupted.put(repo, digest, content, "t", subject)).isInstanceOf(IOException.class);

      boolean visible = interrupted.read(repo, digest).isPresent();
      assertThat(visible).as("visible after failing write %d", failing).isEqualTo(failing > 2);
      Optional<Digest> target = interrupted.tagTarget(repo, "t");
      if (target.isPresent()) {
        assertThat(interrupted.manifestExists(repo, target.get())).as("tag target after write %d", failing).isTrue();
      }
      for (Digest referrer : interrupted.referrers(repo, subject)) {
        assertThat(interrupted.manifestExists(repo, referrer)).isTrue();
      }
      assertThat(new RepositoryCatalog(failingDriver).after(null).isEmpty()).isEqualTo(failing <= 2);
    }
  }
}
