package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.StorageDriver;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StorageHealthCheckTest {

  @Test
  void anEmptyStorageIsHealthy() {
    StorageHealthCheck check = new StorageHealthCheck(new InMemoryDriver(), 3);

    check.runOnce();

    assertThat(check.healthy()).isTrue();
  }

  @Test
  void turnsUnhealthyAfterThresholdConsecutiveFailuresAndRecovers() {
    AtomicBoolean failing = new AtomicBoolean(true);
    StorageHealthCheck check = new StorageHealthCheck(statFailsWhile(failing), 3);

    check.runOnce();
    check.runOnce();
    assertThat(check.healthy()).isTrue();
    check.runOnce();
    assertThat(check.healthy()).isFalse();

    failing.set(false);
    check.runOnce();
    assertThat(check.healthy()).isTrue();
  }

  @Test
  void aSuccessResetsTheCount() {
    StorageHealthCheck check = new StorageHealthCheck(new InMemoryDriver(), 2);

    check.record(false);
    check.record(true);
    check.record(false);

    assertThat(check.healthy()).isTrue();
  }

  @Test
  void thresholdZeroMeansOneFailureIsEnough() {
    StorageHealthCheck check = new StorageHealthCheck(new InMemoryDriver(), 0);

    check.record(false);

    assertThat(check.healthy()).isFalse();
  }

  /** A driver whose stat fails with an I/O error while the flag is set; nothing else is called. */
  private static StorageDriver statFailsWhile(AtomicBoolean failing) {
    InMemoryDriver healthy = new InMemoryDriver();
    return (StorageDriver) Proxy.newProxyInstance(StorageDriver.class.getClassLoader(),
        new Class<?>[] {StorageDriver.class}, (proxy, method, args) -> {
          if (method.getName().equals("stat") && failing.get()) {
            throw new IOException("disk gone");
          }
          try {
            return method.invoke(healthy, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
