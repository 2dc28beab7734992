package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An unhealthy storage takes the replica out: every request answers 503 until a check passes. */
class StorageHealthCheckIT {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void unhealthyStorageAnswers503AndRecovers() throws Exception {
    StorageHealthCheck check = new StorageHealthCheck(new InMemoryDriver(), 1);
    Router router = Router.router(vertx);
    router.route().handler(check);
    router.route().handler(ctx -> ctx.response().end("ok"));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/v2/");
    HttpClient client = HttpClient.newHttpClient();

    check.record(false);
    HttpResponse<String> unhealthy = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    check.record(true);
    HttpResponse<String> healthy = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(unhealthy.statusCode()).isEqualTo(503);
    assertThat(unhealthy.body()).contains("\"errors\"").contains("service unavailable");
    assertThat(healthy.statusCode()).isEqualTo(200);
  }
}
