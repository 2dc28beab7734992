package dev.berth.registry.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FilesystemManifestStoreTest extends ManifestStoreContract {
  @TempDir
  Path root;

  @Override
  StorageDriver newDriver() {
    return new FilesystemDriver(root);
  }
}
