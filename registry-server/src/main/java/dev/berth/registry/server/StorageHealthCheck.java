package dev.berth.registry.server;

import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.FailureHandler;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.config.GoDuration;
import dev.berth.registry.config.HealthConfig;
import dev.berth.registry.storage.PathNotFoundException;
import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code health.storagedriver}: checks the storage periodically, as registry:2 does, and after
 * {@code threshold} consecutive failures answers every request with 503 until a check succeeds again, so that a
 * load balancer takes the replica out. An empty storage is healthy.
 */
public final class StorageHealthCheck implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(StorageHealthCheck.class);
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private final StorageDriver driver;
  private final int threshold;
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile boolean healthy = true;
  private int consecutiveFailures;

  StorageHealthCheck(StorageDriver driver, int threshold) {
    this.driver = driver;
    this.threshold = Math.max(threshold, 1);
  }

  /** Starts periodic checks when {@code health.storagedriver.enabled}; returns null otherwise. */
  static StorageHealthCheck start(Vertx vertx, StorageDriver driver, HealthConfig health) {
    HealthConfig.StorageDriver settings = health == null ? null : health.storagedriver;
    if (settings == null || !Boolean.TRUE.equals(settings.enabled)) {
      return null;
    }
    Duration interval = settings.interval == null ? DEFAULT_INTERVAL : GoDuration.parse(settings.interval);
    if (interval.isZero()) {
      interval = DEFAULT_INTERVAL;
    }
    StorageHealthCheck check = new StorageHealthCheck(driver, settings.threshold == null ? 1 : settings.threshold);
    vertx.setPeriodic(Math.max(interval.toMillis(), 1), id -> {
      if (check.checking.compareAndSet(false, true)) {
        vertx.executeBlocking(() -> {
          check.runOnce();
          return null;
        }, false).onComplete(done -> check.checking.set(false));
      }
    });
    return check;
  }

  /** One check; blocking. */
  void runOnce() {
    boolean ok;
    try {
      driver.stat("/");
      ok = true;
    } catch (PathNotFoundException empty) {
      ok = true;
    } catch (Exception e) {
      LOG.debug("storage health check failed", e);
      ok = false;
    }
    record(ok);
  }

  synchronized void record(boolean ok) {
    consecutiveFailures = ok ? 0 : consecutiveFailures + 1;
    boolean nowHealthy = consecutiveFailures < threshold;
    if (nowHealthy != healthy) {
      if (nowHealthy) {
        LOG.info("storage driver health check passes again");
      } else {
        LOG.error("storage driver health check failed {} times in a row: answering 503", consecutiveFailures);
      }
    }
    healthy = nowHealthy;
  }

  public boolean healthy() {
    return healthy;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (healthy) {
      ctx.next();
      return;
    }
    FailureHandler.send(ctx.response(), new RegistryException(ErrorCode.UNKNOWN,
        "health check failed: the storage driver is unavailable", "service unavailable", 503));
  }
}
