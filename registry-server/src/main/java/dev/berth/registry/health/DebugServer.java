package dev.berth.registry.health;

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

  public static Future<HttpServer> start(Vertx vertx, String host, int port, HealthMonitor monitor) {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(new HealthEndpoint(monitor))
        .listen();
  }
}
