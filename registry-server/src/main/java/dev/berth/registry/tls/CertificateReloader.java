package dev.berth.registry.tls;

import dev.berth.registry.config.HttpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives new TLS handshakes a renewed certificate without a restart. Every interval it hashes the content of the
 * certificate, key and client CA files (content, because a Kubernetes Secret volume swaps a {@code ..data}
 * symlink and the paths and modification times may not change); when the content changed, it loads and checks
 * the new files and hands the options to the server ({@code HttpServer.updateSSLOptions}). Connections already
 * open keep their session. New files that do not load (garbage, a key that does not match, a half-written
 * pair) leave the old certificate in service and are logged once, naming the file; the reloader keeps watching,
 * so the next good write is picked up.
 */
public final class CertificateReloader {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final ServerTls tls;
  private final Function<ServerSSLOptions, Future<?>> apply;
  private final Duration interval;
  private String appliedFingerprint;
  private String failedFingerprint;
  private long timerId = -1;
  /** One check at a time: a slow disk must not let timer ticks pile up into parallel reloads. */
  private final AtomicBoolean checking = new AtomicBoolean();

  /**
   * @param apply installs new options on every listener that serves them, e.g. {@code server::updateSSLOptions}
   */
  public CertificateReloader(Vertx vertx, ServerTls tls, Function<ServerSSLOptions, Future<?>> apply,
      Duration interval) {
    this.vertx = vertx;
    this.tls = tls;
    this.apply = apply;
    this.interval = interval;
  }

  /**
   * Watches the files of {@code http.tls} for the running listener and installs changed certificates on it;
   * completes with null when the listener has no TLS.
   */
  public static Future<CertificateReloader> watch(Vertx vertx, HttpConfig http, HttpServer server) {
    if (http == null || !http.tlsEnabled()) {
      return Future.succeededFuture();
    }
    CertificateReloader reloader = new CertificateReloader(vertx, ServerTls.from(http.tls, http.http2Disabled()),
        options -> server.updateSSLOptions(options, true), DEFAULT_INTERVAL);
    return reloader.start().map(reloader);
  }

  /** Starts watching; the files as they are now count as applied (the server was just built from them). */
  public Future<Void> start() {
    return vertx.executeBlocking(() -> fingerprint(tls.watchedFiles()), false).map(fingerprint -> {
      synchronized (this) {
        appliedFingerprint = fingerprint;
        timerId = vertx.setPeriodic(interval.toMillis(), id -> checkNow());
      }
      return null;
    });
  }

  public synchronized void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** Looks at the files once; completes with true when new options were applied. */
  public Future<Boolean> checkNow() {
    if (!checking.compareAndSet(false, true)) {
      return Future.succeededFuture(false);
    }
    return check().onComplete(done -> checking.set(false));
  }

  private Future<Boolean> check() {
    return vertx.executeBlocking(this::loadIfChanged, false).compose(loaded -> {
      if (loaded == null) {
        return Future.succeededFuture(false);
      }
      return apply.apply(loaded.options()).map(ignored -> {
        markApplied(loaded.fingerprint());
        LOG.info("TLS certificate reloaded from {}", tls.watchedFiles());
        return true;
      }).recover(failure -> {
        LOG.error("the TLS engine refused the new certificate from {}; still serving the previous one: {}",
            tls.watchedFiles(), failure.getMessage());
        markFailed(loaded.fingerprint());
        return Future.succeededFuture(false);
      });
    });
  }

  private record Loaded(String fingerprint, ServerSSLOptions options) {
  }

  /** Blocking; null when nothing changed or the change does not load. */
  private Loaded loadIfChanged() {
    String fingerprint = fingerprint(tls.watchedFiles());
    synchronized (this) {
      if (fingerprint.equals(appliedFingerprint) || fingerprint.equals(failedFingerprint)) {
        return null;
      }
    }
    try {
      return new Loaded(fingerprint, tls.load());
    } catch (IllegalArgumentException invalid) {
      LOG.error("TLS files changed but cannot be used; still serving the previous certificate: {}",
          invalid.getMessage());
      markFailed(fingerprint);
      return null;
    }
  }

  private synchronized void markApplied(String fingerprint) {
    appliedFingerprint = fingerprint;
    failedFingerprint = null;
  }

  private synchronized void markFailed(String fingerprint) {
    failedFingerprint = fingerprint;
  }

  /** SHA-256 over every file's content; a missing or unreadable file contributes its error instead. */
  static String fingerprint(List<Path> files) {
    MessageDigest digest = sha256();
    for (Path file : files) {
      digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
      try {
        digest.update(sha256().digest(Files.readAllBytes(file)));
      } catch (IOException e) {
        digest.update(("unreadable:" + e.getClass().getName()).getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
