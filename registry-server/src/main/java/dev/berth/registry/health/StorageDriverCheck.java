package dev.berth.registry.health;

import dev.berth.registry.storage.PathNotFoundException;
import dev.berth.registry.storage.StorageDriver;
import java.io.IOException;

/**
 * Whether the storage answers: lists the root, as registry:2's check stats it. A root with nothing in it yet
 * answers "not found", which still proves the storage works; any other failure (permissions, a vanished mount,
 * an unreachable bucket) is reported with its message.
 */
public final class StorageDriverCheck implements HealthCheck {
  private final StorageDriver driver;

  public StorageDriverCheck(StorageDriver driver) {
    this.driver = driver;
  }

  /** Distribution's name for the check, e.g. {@code storagedriver_filesystem}. */
  @Override
  public String name() {
    return "storagedriver_" + driver.name();
  }

  @Override
  public void check() throws IOException {
    try {
      driver.list("/");
    } catch (PathNotFoundException emptyRoot) {
      // Nothing stored yet: the storage answered, so it is usable.
    }
  }
}
