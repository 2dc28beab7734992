package dev.berth.registry.storage;

import dev.berth.registry.api.ContentLookup;
import dev.berth.registry.api.Digest;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Manifests, tags and referrer links in registry:2's layout, so that either registry reads what the other wrote.
 * A manifest's bytes live at the blob path of its digest; the repository sees it through
 * {@code _manifests/revisions/<alg>/<hex>/link}; a tag is {@code _manifests/tags/<tag>/current/link} plus a history
 * entry under {@code index/}. registry:2 2.8 writes only the revision link for a manifest (no {@code _layers} link),
 * and so does this store.
 *
 * <p>Writes go content first, then links, so a crash never leaves a link to missing content: a manifest becomes
 * visible with its revision link, a tag with its current link. All methods block.
 */
public final class ManifestStore {
  private final StorageDriver driver;

  public ManifestStore(StorageDriver driver) {
    this.driver = driver;
  }

  /**
   * Stores a manifest that has already been validated: content, revision link, referrer link (when it has a
   * subject), then the tag (when pushed by tag).
   */
  public void put(RepositoryName repository, Digest digest, byte[] content, String tag, Digest subject)
      throws IOException {
    String data = LayoutPaths.blobData(digest);
    if (!hasSize(data, content.length)) {
      driver.putContent(data, content);
    }
    link(LayoutPaths.manifestRevisionLink(repository, digest), digest);
    if (subject != null) {
      link(LayoutPaths.referrerLink(repository, subject, digest), digest);
    }
    if (tag != null) {
      // current before index: a tag directory then never exists without the link that makes it resolvable.
      link(LayoutPaths.tagCurrentLink(repository, tag), digest);
      link(LayoutPaths.tagIndexLink(repository, tag, digest), digest);
    }
  }

  /** The digest a tag points at, or empty when the tag does not exist. */
  public Optional<Digest> tagTarget(RepositoryName repository, String tag) throws IOException {
    return readLink(LayoutPaths.tagCurrentLink(repository, tag));
  }

  /** The manifest's content when it is a revision of the repository and its content exists. */
  public Optional<byte[]> read(RepositoryName repository, Digest digest) throws IOException {
    Optional<Digest> target = readLink(LayoutPaths.manifestRevisionLink(repository, digest));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(driver.getContent(LayoutPaths.blobData(target.get())));
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
  }

  public boolean manifestExists(RepositoryName repository, Digest digest) throws IOException {
    return linkedContentExists(LayoutPaths.manifestRevisionLink(repository, digest));
  }

  /** A blob is in the repository when its {@code _layers} link exists and the linked data does. */
  public boolean blobExists(RepositoryName repository, Digest digest) throws IOException {
    return linkedContentExists(LayoutPaths.layerLink(repository, digest));
  }

  /** The repository's view for checking a manifest's references. */
  public ContentLookup lookup(RepositoryName repository) {
    return new ContentLookup() {
      @Override
      public boolean blobExists(Digest digest) throws IOException {
        return ManifestStore.this.blobExists(repository, digest);
      }

      @Override
      public boolean manifestExists(Digest digest) throws IOException {
        return ManifestStore.this.manifestExists(repository, digest);
      }
    };
  }

  /** A repository exists once a manifest has been pushed to it (its {@code _manifests} directory exists). */
  public boolean repositoryExists(RepositoryName repository) throws IOException {
    try {
      driver.stat(LayoutPaths.repository(repository) + "/_manifests");
      return true;
    } catch (PathNotFoundException e) {
      return false;
    }
  }

  /** The repository's tag names, unsorted; empty when it has none. */
  public List<String> tags(RepositoryName repository) throws IOException {
    return childNames(LayoutPaths.tagsDir(repository));
  }

  /** Removes a tag; false when it did not exist. The manifest it pointed at stays. */
  public boolean untag(RepositoryName repository, String tag) throws IOException {
    if (readLink(LayoutPaths.tagCurrentLink(repository, tag)).isEmpty()) {
      return false;
    }
    deleteIfPresent(LayoutPaths.tagDir(repository, tag));
    return true;
  }

  /**
   * Removes a manifest from the repository as registry:2 does: its revision link and every tag pointing at it.
   * Also removes its referrer link. The content stays for garbage collection. False when it was not there.
   */
  public boolean delete(RepositoryName repository, Digest digest, Digest subject) throws IOException {
    String revisionLink = LayoutPaths.manifestRevisionLink(repository, digest);
    if (readLink(revisionLink).isEmpty()) {
      return false;
    }
    deleteIfPresent(parent(revisionLink));
    for (String tag : tags(repository)) {
      if (tagTarget(repository, tag).filter(digest::equals).isPresent()) {
        deleteIfPresent(LayoutPaths.tagDir(repository, tag));
      }
    }
    if (subject != null) {
      deleteIfPresent(parent(LayoutPaths.referrerLink(repository, subject, digest)));
    }
    return true;
  }

  /** Digests of the manifests whose subject is the given digest, as recorded when they were pushed. */
  public List<Digest> referrers(RepositoryName repository, Digest subject) throws IOException {
    String directory = LayoutPaths.referrersDir(repository, subject);
    List<Digest> result = new ArrayList<>();
    for (String algorithm : childNames(directory)) {
      for (String hex : childNames(directory + "/" + algorithm)) {
        readLink(directory + "/" + algorithm + "/" + hex + "/link").ifPresent(result::add);
      }
    }
    return result;
  }

  private boolean linkedContentExists(String linkPath) throws IOException {
    Optional<Digest> target = readLink(linkPath);
    if (target.isEmpty()) {
      return false;
    }
    try {
      driver.stat(LayoutPaths.blobData(target.get()));
      return true;
    } catch (PathNotFoundException e) {
      return false;
    }
  }

  private Optional<Digest> readLink(String path) throws IOException {
    byte[] content;
    try {
      content = driver.getContent(path);
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(Digest.parse(new String(content, StandardCharsets.UTF_8).trim()));
    } catch (RegistryException e) {
      return Optional.empty(); // a damaged link resolves to nothing rather than failing the request
    }
  }

  private void link(String path, Digest digest) throws IOException {
    driver.putContent(path, digest.toString().getBytes(StandardCharsets.UTF_8));
  }

  private boolean hasSize(String path, long size) throws IOException {
    try {
      FileInfo info = driver.stat(path);
      return !info.directory() && info.size() == size;
    } catch (PathNotFoundException e) {
      return false;
    }
  }

  private List<String> childNames(String directory) throws IOException {
    List<String> children;
    try {
      children = driver.list(directory);
    } catch (PathNotFoundException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>(children.size());
    for (String child : children) {
      names.add(child.substring(child.lastIndexOf('/') + 1));
    }
    return names;
  }

  private void deleteIfPresent(String path) throws IOException {
    try {
      driver.delete(path);
    } catch (PathNotFoundException e) {
      // already gone: a concurrent delete got there first
    }
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }
}
