package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
  private Vertx vertx;
  private HealthMonitor monitor;
  private final AtomicBoolean broken = new AtomicBoolean();

  private final HealthCheck storage = new HealthCheck() {
    @Override
    public String name() {
      return "storagedriver_test";
    }

    @Override
    public void check() throws Exception {
      if (broken.get()) {
        throw new java.io.IOException("mount is gone");
      }
    }
  };

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    monitor = new HealthMonitor(vertx);
    // An interval so long that only the explicit runs below count.
    monitor.register(storage, Duration.ofHours(1), 2).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    monitor.stop();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void healthyChecksReportNoFailures() throws Exception {
    monitor.runAll().await(10, TimeUnit.SECONDS);

    assertThat(monitor.failures()).isEmpty();
  }

  @Test
  void failingChecksAreReportedOnceTheThresholdIsReachedAndClearedBySuccess() throws Exception {
    broken.set(true);
    monitor.runAll().await(10, TimeUnit.SECONDS);
    assertThat(monitor.failures()).as("one failure, threshold 2").isEmpty();

    monitor.runAll().await(10, TimeUnit.SECONDS);
    assertThat(monitor.failures()).containsEntry("storagedriver_test", "mount is gone");

    broken.set(false);
    monitor.runAll().await(10, TimeUnit.SECONDS);
    assertThat(monitor.failures()).isEmpty();
  }
}
