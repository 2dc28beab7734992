package dev.berth.registry.health;

import dev.berth.registry.config.GoDuration;
import dev.berth.registry.config.HealthConfig;
import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registered checks periodically on worker threads and answers, without blocking, which ones are
 * failing. A check runs once at registration, so a probe that arrives early already has an answer.
 */
public final class HealthMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private record Registered(HealthCheck check, ThresholdStatus status, AtomicBoolean running) {
  }

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  static final int DEFAULT_THRESHOLD = 1;

  private final Vertx vertx;
  private final List<Registered> checks = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();

  public HealthMonitor(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * The registry's one monitor: the storage driver check when {@code health.storagedriver.enabled}, with
   * distribution's defaults (every 10 s, unhealthy at the first failure unless a threshold is set). Both the
   * main listener's 503 gate and {@code /debug/health} read it, so they never disagree.
   */
  public static Future<HealthMonitor> fromConfig(Vertx vertx, HealthConfig health, StorageDriver driver) {
    HealthMonitor monitor = new HealthMonitor(vertx);
    HealthConfig.StorageDriver storage = health == null ? null : health.storagedriver;
    if (storage == null || !Boolean.TRUE.equals(storage.enabled)) {
      return Future.succeededFuture(monitor);
    }
    Duration interval = storage.interval == null ? Duration.ZERO : GoDuration.parse(storage.interval);
    int threshold = storage.threshold == null || storage.threshold < 1 ? DEFAULT_THRESHOLD : storage.threshold;
    return monitor.register(new StorageDriverCheck(driver),
        interval.isZero() || interval.isNegative() ? DEFAULT_INTERVAL : interval, threshold).map(monitor);
  }

  /** Runs the check every interval; it reports unhealthy after {@code threshold} consecutive failures. */
  public synchronized Future<Void> register(HealthCheck check, Duration interval, int threshold) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("the interval of health check " + check.name() + " must be positive");
    }
    Registered registered = new Registered(check, new ThresholdStatus(threshold), new AtomicBoolean());
    checks.add(registered);
    timers.add(vertx.setPeriodic(interval.toMillis(), id -> run(registered)));
    return run(registered);
  }

  /** Runs every check once now, for tests and for a first answer. */
  public Future<Void> runAll() {
    List<Future<Void>> runs = new ArrayList<>();
    synchronized (this) {
      checks.forEach(registered -> runs.add(run(registered)));
    }
    return Future.all(runs).mapEmpty();
  }

  /** Check name to error for every check past its threshold; empty when healthy. */
  public synchronized Map<String, String> failures() {
    Map<String, String> failures = new TreeMap<>();
    for (Registered registered : checks) {
      registered.status().failure().ifPresent(error -> failures.put(registered.check().name(), error));
    }
    return failures;
  }

  public synchronized void stop() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  private Future<Void> run(Registered registered) {
    if (!registered.running().compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return vertx.<Void>executeBlocking(() -> {
      registered.check().check();
      return null;
    }, false).andThen(result -> {
      registered.running().set(false);
      if (result.succeeded()) {
        registered.status().succeeded();
      } else {
        String error = describe(result.cause());
        LOG.warn("health check {} failed: {}", registered.check().name(), error);
        registered.status().failed(error);
      }
    }).otherwiseEmpty();
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
