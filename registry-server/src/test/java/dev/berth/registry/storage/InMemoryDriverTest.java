package dev.berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class InMemoryDriverTest extends StorageDriverContract {

  @Override
  protected StorageDriver newDriver() {
    return new InMemoryDriver();
  }

  @Test
  void hasNoLocalFiles() throws IOException {
    driver.putContent("/a", bytes("x"));

    assertThat(driver.localFile("/a")).isEmpty();
    assertThat(driver.name()).isEqualTo("inmemory");
  }
}
