package dev.berth.registry.storage;

import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.StorageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the storage driver that {@code storage:} selects. */
public final class StorageDrivers {
  /** registry:2's default root, also the image's volume. */
  public static final String DEFAULT_ROOT = "/var/lib/registry";

  private StorageDrivers() {
  }

  public static StorageDriver fromConfig(StorageConfig storage) {
    if (storage.filesystem != null) {
      return filesystem(storage.filesystem.rootdirectory, storage.readOnly());
    }
    if (storage.inmemory != null) {
      return new InMemoryDriver();
    }
    if (storage.s3 != null) {
      throw new ConfigException("storage.s3 is not supported yet");
    }
    throw new ConfigException("no storage driver configured: set storage.filesystem.rootdirectory "
        + "(or storage.inmemory)");
  }

  /** A relative root is resolved against the working directory, as registry:2 does. */
  static StorageDriver filesystem(String configuredRoot, boolean readOnly) {
    String rootText = configuredRoot == null || configuredRoot.isBlank() ? DEFAULT_ROOT : configuredRoot;
    Path root = Path.of(rootText).toAbsolutePath().normalize();
    FilesystemDriver driver;
    try {
      driver = new FilesystemDriver(root);
    } catch (UncheckedIOException e) {
      throw new ConfigException("cannot use storage.filesystem.rootdirectory " + root + ": " + reason(e.getCause()), e);
    }
    if (!readOnly && !Files.isWritable(root)) {
      throw new ConfigException("cannot use storage.filesystem.rootdirectory " + root + ": not writable");
    }
    return driver;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
      return fileSystemException.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
