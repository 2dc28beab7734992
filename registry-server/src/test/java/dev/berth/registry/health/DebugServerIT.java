package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugServerIT {
  private Vertx vertx;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersHealthyWithoutCredentials() throws Exception {
    HealthMonitor monitor = new HealthMonitor(vertx);
    monitor.register(new StorageDriverCheck(new InMemoryDriver()), Duration.ofSeconds(10), 3)
        .await(10, TimeUnit.SECONDS);
    HttpServer server = DebugServer.start(vertx, "127.0.0.1", 0, monitor).await(10, TimeUnit.SECONDS);

    HttpResponse<String> response = get(server.actualPort(), "/debug/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(get(server.actualPort(), "/v2/").statusCode()).isEqualTo(404);
  }

  @Test
  void answers503NamingTheFailingCheckWhenTheStorageIsUnusable() throws Exception {
    HealthMonitor monitor = new HealthMonitor(vertx);
    monitor.register(new StorageDriverCheck(StorageDriverCheckTest.unreadable()), Duration.ofHours(1), 1)
        .await(10, TimeUnit.SECONDS);
    HttpServer server = DebugServer.start(vertx, "127.0.0.1", 0, monitor).await(10, TimeUnit.SECONDS);

    HttpResponse<String> response = get(server.actualPort(), "/debug/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).contains("\"storagedriver_filesystem\"").contains("Permission denied");
  }
}
