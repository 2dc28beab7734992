package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An unhealthy storage takes the replica out: every request on the main listener answers 503 until a check passes. */
class UnhealthyGateIT {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void failingChecksAnswer503WithTheFailuresAndServingResumesAfterAPass() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    HealthMonitor monitor = new HealthMonitor(vertx);
    monitor.register(new HealthCheck() {
      @Override
      public String name() {
        return "storagedriver_test";
      }

      @Override
      public void check() throws Exception {
        if (failing.get()) {
          throw new java.io.IOException("disk gone");
        }
      }
    }, Duration.ofHours(1), 1).await(10, TimeUnit.SECONDS);
    Router router = Router.router(vertx);
    router.route().handler(new UnhealthyGate(monitor));
    router.route().handler(ctx -> ctx.response().end("ok"));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/v2/");
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> unhealthy = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());
    failing.set(false);
    monitor.runAll().await(10, TimeUnit.SECONDS);
    HttpResponse<String> healthy = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(unhealthy.statusCode()).isEqualTo(503);
    assertThat(unhealthy.body()).contains("\"errors\"").contains("storagedriver_test").contains("disk gone");
    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(healthy.body()).isEqualTo("ok");
  }
}
