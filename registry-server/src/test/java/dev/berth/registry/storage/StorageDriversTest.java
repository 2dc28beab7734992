package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageDriversTest {
  @TempDir
  Path dir;

  @Test
  void filesystemDriverUsesTheConfiguredRoot() throws Exception {
    StorageConfig storage = filesystem(dir.resolve("registry").toString());

    StorageDriver driver = StorageDrivers.fromConfig(storage);
    driver.putContent("/docker/registry/v2/x", new byte[] {1});

    assertThat(driver.name()).isEqualTo("filesystem");
    assertThat(dir.resolve("registry/docker/registry/v2/x")).exists();
  }

  @Test
  void relativeRootResolvesAgainstTheWorkingDirectory() {
    Path expected = Path.of("target/storage-drivers-test").toAbsolutePath();

    StorageDrivers.fromConfig(filesystem("target/storage-drivers-test"));

    assertThat(expected).isDirectory();
  }

  @Test
  void inmemoryIsAvailable() {
    StorageConfig storage = new StorageConfig();
    storage.inmemory = new StorageConfig.InMemory();

    assertThat(StorageDrivers.fromConfig(storage)).isInstanceOf(InMemoryDriver.class);
  }

  @Test
  void s3IsRefusedUntilItIsBuilt() {
    StorageConfig storage = new StorageConfig();
    storage.s3 = new StorageConfig.S3();

    assertThatThrownBy(() -> StorageDrivers.fromConfig(storage)).isInstanceOf(ConfigException.class)
        .hasMessage("storage.s3 is not supported yet");
  }

  @Test
  void noDriverIsRefused() {
    assertThatThrownBy(() -> StorageDrivers.fromConfig(new StorageConfig()))
        .hasMessageStartingWith("no storage driver configured");
  }

  @Test
  void aRootThatCannotBeCreatedIsAOneLineConfigError() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    assertThatThrownBy(() -> StorageDrivers.fromConfig(filesystem(file.resolve("sub").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot use storage.filesystem.rootdirectory " + file.resolve("sub"))
        .hasMessageNotContaining("\n");
  }

  private static StorageConfig filesystem(String root) {
    StorageConfig storage = new StorageConfig();
    storage.filesystem = new StorageConfig.Filesystem();
    storage.filesystem.rootdirectory = root;
    return storage;
  }
}
