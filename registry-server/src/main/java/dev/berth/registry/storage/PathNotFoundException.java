package dev.berth.registry.storage;

import java.io.IOException;

/** The path does not exist in the storage driver. */
public class PathNotFoundException extends IOException {
  public PathNotFoundException(String path) {
    super("path not found: " + path, null);
  }
}
