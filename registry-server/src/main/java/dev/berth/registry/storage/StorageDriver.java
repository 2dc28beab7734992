package dev.berth.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A small key-value view of the registry's storage, modelled on distribution's storage driver so that an object
 * store fits it: paths are absolute, slash-separated keys ({@code /docker/registry/v2/...}) made of
 * {@code [A-Za-z0-9._:-]} segments; a "directory" is only a common prefix.
 *
 * <p>Design rules that keep the S3 driver possible without redesign:
 * <ul>
 *   <li>{@link #putContent} is atomic: a reader sees the old content or the new, never a mix.</li>
 *   <li>{@link #writer} writes a large object in a stream; nothing is visible at its path until
 *       {@link FileWriter#commit()} (an object store finishes a multipart upload there).</li>
 *   <li>{@link #move} is called once per blob, when an upload is completed; drivers may implement it as a
 *       server-side copy plus delete. Nothing relies on it being cheap.</li>
 *   <li>{@link #list} returns direct children only, so callers never walk a whole tree to answer one request.</li>
 * </ul>
 * All methods block; the API calls them from worker threads, never from the event loop. Implementations
 * must be thread-safe.
 */
public interface StorageDriver {

  /** Short name used in logs and health reports ("filesystem", "inmemory", "s3"). */
  String name();

  /** The whole content of a small object (links, manifests, start dates). */
  byte[] getContent(String path) throws IOException;

  /** Replaces the object at path atomically, creating parents as needed. */
  void putContent(String path, byte[] content) throws IOException;

  /** A stream of the object's bytes from offset on. Offset beyond the end yields an empty stream. */
  InputStream reader(String path, long offset) throws IOException;

  /**
   * A writer for a large object. With {@code append}, continues an object left by a previous writer for the
   * same path (a resumed upload); otherwise starts empty.
   */
  FileWriter writer(String path, boolean append) throws IOException;

  /** Size and modification time of an object, or of a directory (a prefix with children). */
  FileInfo stat(String path) throws IOException;

  /** Full paths of the direct children of a directory; throws {@link PathNotFoundException} when it has none. */
  List<String> list(String path) throws IOException;

  /** Moves an object, replacing any object at the destination. */
  void move(String sourcePath, String destPath) throws IOException;

  /** Deletes an object or a whole directory; throws {@link PathNotFoundException} when nothing is there. */
  void delete(String path) throws IOException;

  /**
   * The local file behind an object, when there is one, so that the API can send it with zero-copy
   * {@code sendfile}. Object stores return empty.
   */
  default Optional<Path> localFile(String path) {
    return Optional.empty();
  }
}
