package dev.berth.registry.server;

import dev.berth.registry.api.AccessControl;
import dev.berth.registry.api.ApiOptions;
import dev.berth.registry.api.ErrorCode;
import dev.berth.registry.api.FailureHandler;
import dev.berth.registry.api.RegistryContext;
import dev.berth.registry.api.RegistryException;
import dev.berth.registry.api.RouteTable;
import dev.berth.registry.auth.AccessControls;
import dev.berth.registry.config.AuthConfig;
import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.GoDuration;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.ListenAddress;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.registry.health.DebugServer;
import dev.berth.registry.health.HealthMonitor;
import dev.berth.registry.health.UnhealthyGate;
import dev.berth.registry.logging.AccessLogHandler;
import dev.berth.registry.storage.StorageDriver;
import dev.berth.registry.storage.StorageDrivers;
import dev.berth.registry.tls.CertificateReloader;
import dev.berth.registry.tls.ServerTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running registry: Vert.x, the storage driver, the API router (under {@code http.prefix}) behind the access
 * log, {@code http.headers} and the storage health check, listening on {@code http.addr}. Stopping drains
 * in-flight requests for up to {@code http.draintimeout}.
 */
public final class RegistryServer {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  /** Below Kubernetes' default 30 s grace period, so that the drain ends before SIGKILL. */
  static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(25);
  /**
   * A connection that moves no byte for this long is closed, so a client that stalls mid-upload releases its
   * upload session; any client that is really sending or receiving never comes near it.
   */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
  /** Netty's default of 8 KiB turns a 100 MiB upload into 13,000 hand-offs to the storage writer. */
  static final int MAX_CHUNK_SIZE = 128 * 1024;
  static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final Vertx vertx;
  private final List<HttpServer> httpServers;
  private final String address;
  private final Duration drainTimeout;
  private boolean stopped;

  private RegistryServer(Vertx vertx, List<HttpServer> httpServers, String address, Duration drainTimeout) {
    this.vertx = vertx;
    this.httpServers = httpServers;
    this.address = address;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Starts the registry and returns once it listens ({@link #address()} says where; the caller logs it, after
   * it is ready to stop the server again). Throws {@link ConfigException} or {@link StartupException}.
   */
  public static RegistryServer start(RegistryConfig config) {
    return start(config, createVertx());
  }

  /** {@link #start(RegistryConfig)} on a Vert.x instance made by {@link #createVertx()}; the server owns it. */
  public static RegistryServer start(RegistryConfig config, Vertx vertx) {
    try {
      HttpConfig http = config.http();
      ListenAddress listen = listenAddress(http);
      Duration drainTimeout = drainTimeout(http);
      StorageDriver driver = StorageDrivers.fromConfig(config.storage());
      AccessControl access = accessControl(vertx, config);
      HttpServerOptions options = serverOptions(config);
      RegistryContext context = new RegistryContext(vertx, driver, apiOptions(config), access);
      HealthMonitor health = HealthMonitor.fromConfig(vertx, config.health, driver).await();
      Router router = router(vertx, config, context, health);
      List<HttpServer> servers = listenOnEveryCore(vertx, options, router, listen, http);
      CertificateReloader.watch(vertx, http, servers).await();
      startDebugListener(vertx, config, health);
      String address = ListenAddress.format(listen.bindHost(), servers.get(0).actualPort());
      LOG.debug("bound {} on {} event loops", address, servers.size());
      return new RegistryServer(vertx, servers, address, drainTimeout);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /**
   * The Vert.x instance the registry runs on; it does not depend on the configuration. Files are never looked up
   * on the class path (the registry only sends blobs, by absolute path), so Vert.x needs no cache directory for
   * class path resources: none is created under /tmp, which may be read-only in a container.
   */
  static Vertx createVertx() {
    UnusedFeatures.switchOff();
    return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
        .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false)
            .setFileCachingEnabled(false)));
  }

  /** The port actually bound (useful with {@code http.addr: 127.0.0.1:0}). */
  public int port() {
    return httpServers.get(0).actualPort();
  }

  /** host:port actually bound. */
  public String address() {
    return address;
  }

  /** Stops accepting connections, lets in-flight requests finish for up to the drain timeout, then stops. */
  public void stop() {
    stop(drainTimeout);
  }

  public synchronized void stop(Duration drain) {
    if (stopped) {
      return;
    }
    stopped = true;
    LOG.info("shutting down: draining in-flight requests for up to {}", GoDuration.format(drain));
    try {
      Future.all(httpServers.stream().map(server -> server.shutdown(drain.toMillis(), TimeUnit.MILLISECONDS))
          .toList()).await();
    } catch (RuntimeException e) {
      LOG.debug("draining connections failed", e);
    }
    vertx.close().await();
    LOG.info("stopped");
  }

  /**
   * The one place that decides who may do what: htpasswd with Berth's access rules, or registry:2's open
   * registry without {@code auth}. Auth types Berth does not implement are refused rather than run open.
   */
  static AccessControl accessControl(Vertx vertx, RegistryConfig config) {
    AuthConfig auth = config.auth;
    if (auth != null && auth.token != null) {
      throw new ConfigException("auth.token is not supported by Berth: refusing to start without the "
          + "authentication it asks for");
    }
    if (auth != null && auth.silly != null) {
      throw new ConfigException("auth.silly is not supported by Berth: refusing to start without the "
          + "authentication it asks for");
    }
    try {
      return AccessControls.fromConfig(vertx, auth, config.access);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** The one place that builds the listener's options: TLS from {@code http.tls}, HTTP/2 unless disabled. */
  static HttpServerOptions serverOptions(RegistryConfig config) {
    try {
      // No h2c upgrade on plain HTTP: registry:2 (Go's net/http) never offers it, and an upgrade in the middle of
      // a streamed upload body is exactly where clients and servers disagree.
      // No WebSocket compression either: the registry serves no WebSockets, and offering it puts the zlib codecs
      // and an extension handler on every connection's pipeline.
      HttpServerOptions options = new HttpServerOptions()
          .setHttp2ClearTextEnabled(false)
          .setPerFrameWebSocketCompressionSupported(false)
          .setPerMessageWebSocketCompressionSupported(false)
          .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
          .setIdleTimeoutUnit(TimeUnit.SECONDS)
          .setMaxChunkSize(MAX_CHUNK_SIZE);
      return ServerTls.configure(options, config.http());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** {@code /debug/health} without credentials on {@code http.debug.addr}, when set. */
  private static void startDebugListener(Vertx vertx, RegistryConfig config, HealthMonitor health) {
    HttpConfig.Debug debug = config.http().debug;
    try {
      HttpServer server = DebugServer.startFromConfig(vertx, debug, health).await();
      if (server != null) {
        LOG.info("debug listener (/debug/health) on {}", ListenAddress.format(
            ListenAddress.parse(debug.addr).bindHost(), server.actualPort()));
      }
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new StartupException("cannot listen on http.debug.addr " + debug.addr + ": " + reason, e);
    }
  }

  static ApiOptions apiOptions(RegistryConfig config) {
    HttpConfig http = config.http();
    StorageConfig storage = config.storage();
    boolean redirectDisabled = storage.redirect != null && Boolean.TRUE.equals(storage.redirect.disable);
    String host = http.host == null || http.host.isBlank() ? null : http.host;
    return new ApiOptions(storage.deleteEnabled(), storage.readOnly(), http.relativeUrls(), host,
        redirectDisabled, httpSecret(http));
  }

  private static String httpSecret(HttpConfig http) {
    if (http.secret != null && !http.secret.isBlank()) {
      return http.secret;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    LOG.warn("http.secret is not set: generated a random one; registries that share storage behind one load "
        + "balancer (several replicas) must all set the same http.secret, or uploads fail");
    return HexFormat.of().formatHex(random);
  }

  static Router router(Vertx vertx, RegistryConfig config, RegistryContext context, HealthMonitor health) {
    Router root = Router.router(vertx);
    if (!config.log().accessLogDisabled()) {
      root.route().handler(new AccessLogHandler());
    }
    HttpConfig http = config.http();
    if (http.headers != null && !http.headers.isEmpty()) {
      root.route().handler(new ResponseHeaders(http.headers));
    }
    root.route().handler(new UnhealthyGate(health));
    // registry:2 answers "/" with an empty 200 for liveness probes (behind the health check, as there).
    root.route("/").handler(ctx -> ctx.response().putHeader("Cache-Control", "no-cache").end());
    root.route(mountPoint(http.prefix) + "/*").subRouter(RouteTable.create(context));
    root.route().handler(ctx -> FailureHandler.send(ctx.response(), new RegistryException(ErrorCode.NAME_UNKNOWN,
        null, "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), 404)));
    root.route().failureHandler(new FailureHandler());
    return root;
  }

  /** {@code /registry/} and {@code /registry} both mount at {@code /registry}; no prefix mounts at the root. */
  static String mountPoint(String prefix) {
    if (prefix == null) {
      return "";
    }
    String trimmed = prefix.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static ListenAddress listenAddress(HttpConfig http) {
    if ("unix".equals(http.net)) {
      throw new ConfigException("http.net: unix is not supported by Berth (listen on TCP with http.addr)");
    }
    return ListenAddress.parse(http.effectiveAddr());
  }

  private static Duration drainTimeout(HttpConfig http) {
    return http.draintimeout == null ? DEFAULT_DRAIN_TIMEOUT : GoDuration.parse(http.draintimeout);
  }

  /**
   * One listener per core, all on the same address: Vert.x spreads the connections over their event loops, so
   * both cores read requests and send responses instead of one thread doing all socket work. Vert.x shares a
   * port between listeners that ask for the same one; for a random port (0) that takes a negative port number.
   */
  private static List<HttpServer> listenOnEveryCore(Vertx vertx, HttpServerOptions options, Router router,
      ListenAddress listen, HttpConfig http) {
    int sharedPort = listen.port() == 0 ? -1 : listen.port();
    List<HttpServer> servers = new ArrayList<>();
    for (int i = 0; i < EVENT_LOOPS; i++) {
      servers.add(listen(vertx.createHttpServer(options).requestHandler(router), sharedPort, listen, http));
    }
    return List.copyOf(servers);
  }

  private static HttpServer listen(HttpServer server, int port, ListenAddress listen, HttpConfig http) {
    try {
      return server.listen(port, listen.bindHost()).await();
    } catch (Exception e) {
      // await() rethrows the bind failure itself, a checked exception such as java.net.BindException.
      String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new StartupException("cannot listen on " + http.effectiveAddr() + ": " + reason, e);
    }
  }
}
