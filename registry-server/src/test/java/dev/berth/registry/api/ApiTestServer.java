package dev.berth.registry.api;

import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An in-process registry API on 127.0.0.1 and a free port, for tests: the real route table over a given driver,
 * options and access control, optionally mounted under a path prefix as {@code http.prefix} does.
 */
public final class ApiTestServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final URI baseUri;
  private final HttpClient client;

  private ApiTestServer(Vertx vertx, HttpServer server, String prefix) {
    this.vertx = vertx;
    this.server = server;
    this.baseUri = URI.create("http://127.0.0.1:" + server.actualPort() + prefix);
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public static ApiTestServer start(StorageDriver driver, ApiOptions options) {
    return start(driver, options, AccessControl.allowAll(), "");
  }

  public static ApiTestServer start(StorageDriver driver, ApiOptions options, AccessControl access) {
    return start(driver, options, access, "");
  }

  /** Serves the API under prefix ("" for the root, else e.g. "/registry"). */
  public static ApiTestServer start(StorageDriver driver, ApiOptions options, AccessControl access, String prefix) {
    Vertx vertx = Vertx.vertx();
    Router api = RouteTable.create(new RegistryContext(vertx, driver, options, access));
    Router root = api;
    if (!prefix.isEmpty()) {
      root = Router.router(vertx);
      root.route(prefix + "/*").subRouter(api);
    }
    try {
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
          .requestHandler(root)
          .listen()
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new ApiTestServer(vertx, server, prefix);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("test server did not start", e);
    }
  }

  /** http://127.0.0.1:port plus the prefix, without a trailing slash. */
  public URI baseUri() {
    return baseUri;
  }

  /** The base URI with a path appended, e.g. {@code uri("/v2/")}. */
  public URI uri(String pathAndQuery) {
    return URI.create(baseUri + pathAndQuery);
  }

  public int port() {
    return server.actualPort();
  }

  public HttpClient client() {
    return client;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test server did not stop", e);
    }
  }
}
