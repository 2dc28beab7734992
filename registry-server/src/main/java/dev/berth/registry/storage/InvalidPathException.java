package dev.berth.registry.storage;

/**
 * A path that no driver may touch (not absolute, empty segments, {@code .} or {@code ..}, characters outside
 * {@code [A-Za-z0-9._:-]}). Raised before any I/O, so a crafted name can never reach outside the storage root.
 */
public class InvalidPathException extends IllegalArgumentException {
  public InvalidPathException(String path) {
    super("invalid storage path: " + path);
  }
}
