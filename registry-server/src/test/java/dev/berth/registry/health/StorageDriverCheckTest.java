package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.storage.FileInfo;
import dev.berth.registry.storage.FileWriter;
import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.StorageDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageDriverCheckTest {
  /** A storage whose root cannot be listed, like a filesystem root without read permission. */
  static StorageDriver unreadable() {
    return new StorageDriver() {
      @Override
      public String name() {
        return "filesystem";
      }

      @Override
      public byte[] getContent(String path) throws IOException {
        throw new AccessDeniedException(path);
      }

      @Override
      public void putContent(String path, byte[] content) throws IOException {
        throw new AccessDeniedException(path);
      }

      @Override
      public InputStream reader(String path, long offset) throws IOException {
        throw new AccessDeniedException(path);
      }

      @Override
      public FileWriter writer(String path, boolean append) throws IOException {
        throw new AccessDeniedException(path);
      }

      @Override
      public FileInfo stat(String path) throws IOException {
        throw new AccessDeniedException(path);
      }

      @Override
      public List<String> list(String path) throws IOException {
        throw new AccessDeniedException("/var/lib/registry", null, "Permission denied");
      }

      @Override
      public void move(String sourcePath, String destPath) throws IOException {
        throw new AccessDeniedException(sourcePath);
      }

      @Override
      public void delete(String path) throws IOException {
        throw new AccessDeniedException(path);
      }
    };
  }

  @Test
  void anEmptyNewRootIsHealthy() {
    assertThatCode(() -> new StorageDriverCheck(new InMemoryDriver()).check()).doesNotThrowAnyException();
  }

  @Test
  void aRootWithContentIsHealthy() throws Exception {
    InMemoryDriver driver = new InMemoryDriver();
    driver.putContent("/docker/registry/v2/repositories/a/_layers/x", new byte[] {1});

    assertThatCode(() -> new StorageDriverCheck(driver).check()).doesNotThrowAnyException();
  }

  @Test
  void anUnreadableRootFails() {
    assertThatThrownBy(() -> new StorageDriverCheck(unreadable()).check())
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Permission denied");
  }

  @Test
  void isNamedAsDistributionNamesIt() {
    assertThat(new StorageDriverCheck(new InMemoryDriver()).name()).isEqualTo("storagedriver_inmemory");
  }
}
