package dev.berth.registry.storage;

import dev.berth.registry.api.Digest;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Registry semantics for blobs over a {@link StorageDriver}: content lives once under {@code blobs/}, and a
 * repository sees a blob only through a link file, as in registry:2. Every method blocks; call it from a worker.
 */
public final class BlobStore {
  private final StorageDriver driver;

  public BlobStore(StorageDriver driver) {
    this.driver = driver;
  }

  /**
   * The size of a blob the repository may read: linked as a layer (or, for clients that fetch manifests
   * through the blob endpoint, as a manifest revision) and with its content present.
   *
   * @throws RegistryException BLOB_UNKNOWN when the repository does not have it
   */
  public long size(RepositoryName repository, Digest digest) throws IOException {
    if (!exists(LayoutPaths.layerLink(repository, digest))
        && !exists(LayoutPaths.manifestRevisionLink(repository, digest))) {
      throw unknown(digest);
    }
    return contentSize(digest).orElseThrow(() -> unknown(digest));
  }

  /** The size of the blob's content when it is stored, whichever repositories link it. */
  public Optional<Long> contentSize(Digest digest) throws IOException {
    try {
      return Optional.of(driver.stat(LayoutPaths.blobData(digest)).size());
    } catch (PathNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Whether the repository holds a layer link to the blob and its content is stored. */
  public boolean isLayer(RepositoryName repository, Digest digest) throws IOException {
    return exists(LayoutPaths.layerLink(repository, digest)) && contentSize(digest).isPresent();
  }

  /** The local file behind the blob's content, for zero-copy sending, when the driver has one. */
  public Optional<Path> localFile(Digest digest) {
    return driver.localFile(LayoutPaths.blobData(digest));
  }

  /** The blob's content from offset on. */
  public InputStream open(Digest digest, long offset) throws IOException {
    try {
      return driver.reader(LayoutPaths.blobData(digest), offset);
    } catch (PathNotFoundException e) {
      throw unknown(digest);
    }
  }

  /** Makes a stored blob visible in the repository. */
  public void link(RepositoryName repository, Digest digest) throws IOException {
    driver.putContent(LayoutPaths.layerLink(repository, digest), digest.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Removes the blob from the repository. Like registry:2 only the repository's layer link goes; the content
   * stays for other repositories until garbage collection.
   */
  public void unlink(RepositoryName repository, Digest digest) throws IOException {
    try {
      driver.delete(LayoutPaths.layerLink(repository, digest));
    } catch (PathNotFoundException e) {
      throw unknown(digest);
    }
  }

  /** Links the blob into target when source has it as a layer; returns its size, or empty when not mountable. */
  public Optional<Long> mount(RepositoryName source, RepositoryName target, Digest digest) throws IOException {
    if (!exists(LayoutPaths.layerLink(source, digest))) {
      return Optional.empty();
    }
    Optional<Long> size = contentSize(digest);
    if (size.isPresent()) {
      link(target, digest);
    }
    return size;
  }

  private boolean exists(String path) throws IOException {
    try {
      driver.stat(path);
      return true;
    } catch (PathNotFoundException e) {
      return false;
    }
  }

  private static RegistryException unknown(Digest digest) {
    return new RegistryException(ErrorCode.BLOB_UNKNOWN, digest.toString(), "blob unknown to registry: " + digest);
  }
}
