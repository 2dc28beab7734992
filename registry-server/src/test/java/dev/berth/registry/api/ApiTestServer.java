package dev.berth.registry.api;

import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

/** The registry API on an in-process Vert.x HTTP server bound to a free port on 127.0.0.1, for API tests. */
public final class ApiTestServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ApiTestServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static ApiTestServer start(StorageDriver driver, ApiOptions options) {
    return start(driver, options, AccessControl.allowAll());
  }

  public static ApiTestServer start(StorageDriver driver, ApiOptions options, AccessControl access) {
    Vertx vertx = Vertx.vertx();
    Router router = RouteTable.create(new RegistryContext(vertx, driver, options, access));
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return new ApiTestServer(vertx, server);
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  public HttpClient client() {
    return client;
  }

  @Override
  public void close() {
    await(server.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test server operation failed", e);
    }
  }
}
