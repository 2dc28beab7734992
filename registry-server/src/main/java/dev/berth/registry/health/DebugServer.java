package dev.berth.registry.health;

import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.ListenAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The {@code http.debug.addr} listener: plain HTTP, no credentials, serving {@code /debug/health} only. It is
 * separate from the main listener on purpose: a kubelet probe needs an endpoint without credentials and without
 * the registry's TLS, while the main listener answers every request without credentials with 401, as
 * registry:2 does (registry:2 also serves {@code /debug/health} only on the debug listener).
 */
public final class DebugServer {
  private DebugServer() {
  }

  /**
   * Starts the debug listener when {@code http.debug.addr} is set, answering from the registry's one health
   * monitor; completes with null when there is no debug listener.
   */
  public static Future<HttpServer> startFromConfig(Vertx vertx, HttpConfig.Debug debug, HealthMonitor monitor) {
    if (debug == null || debug.addr == null || debug.addr.isBlank()) {
      return Future.succeededFuture();
    }
    ListenAddress address = debugAddress(debug.addr);
    return start(vertx, address.bindHost(), address.port(), monitor);
  }

  private static ListenAddress debugAddress(String addr) {
    try {
      return ListenAddress.parse(addr);
    } catch (ConfigException e) {
      throw new ConfigException("http.debug.addr \"" + addr + "\" is not host:port such as :5001 or "
          + "127.0.0.1:5001", e);
    }
  }

  public static Future<HttpServer> start(Vertx vertx, String host, int port, HealthMonitor monitor) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(new HealthEndpoint(monitor))
        .listen();
  }
}
