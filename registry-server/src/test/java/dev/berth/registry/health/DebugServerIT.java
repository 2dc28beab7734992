package dev.berth.registry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.HealthConfig;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.StorageDriver;
import io.vertx.core.Future;
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

  private static HttpConfig.Debug debugAt(String addr) {
    HttpConfig.Debug debug = new HttpConfig.Debug();
    debug.addr = addr;
    return debug;
  }

  private static HealthConfig storageCheck(String interval, Integer threshold) {
    HealthConfig health = new HealthConfig();
    health.storagedriver = new HealthConfig.StorageDriver();
    health.storagedriver.enabled = true;
    health.storagedriver.interval = interval;
    health.storagedriver.threshold = threshold;
    return health;
  }

  private Future<HttpServer> startFromConfig(HttpConfig.Debug debug, HealthConfig health, StorageDriver driver) {
    return HealthMonitor.fromConfig(vertx, health, driver)
        .compose(monitor -> DebugServer.startFromConfig(vertx, debug, monitor));
  }

  @Test
  void withoutADebugAddressThereIsNoDebugListener() throws Exception {
    assertThat(startFromConfig(null, null, new InMemoryDriver()).await(10, TimeUnit.SECONDS))
        .isNull();
    assertThat(startFromConfig(new HttpConfig.Debug(), null, new InMemoryDriver())
        .await(10, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void withoutAThresholdTheFirstFailedCheckIsUnhealthyAsInDistribution() throws Exception {
    HttpServer server = startFromConfig(debugAt("127.0.0.1:0"), storageCheck("1h", null),
        StorageDriverCheckTest.unreadable()).await(10, TimeUnit.SECONDS);

    assertThat(get(server.actualPort(), "/debug/health").statusCode()).isEqualTo(503);
  }

  @Test
  void aThresholdToleratesFewerFailures() throws Exception {
    HttpServer server = startFromConfig(debugAt("127.0.0.1:0"), storageCheck("1h", 3),
        StorageDriverCheckTest.unreadable()).await(10, TimeUnit.SECONDS);

    assertThat(get(server.actualPort(), "/debug/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aDisabledStorageCheckLeavesTheEndpointHealthy() throws Exception {
    HealthConfig disabled = storageCheck("1s", 1);
    disabled.storagedriver.enabled = false;
    HttpServer server = startFromConfig(debugAt("127.0.0.1:0"), disabled,
        StorageDriverCheckTest.unreadable()).await(10, TimeUnit.SECONDS);

    assertThat(get(server.actualPort(), "/debug/health").body()).isEqualTo("{}");
  }

  @Test
  void aBadDebugAddressIsAConfigErrorNamingTheSetting() {
    assertThatThrownBy(() -> startFromConfig(debugAt("nonsense"), null, new InMemoryDriver()).await(10, TimeUnit.SECONDS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.debug.addr");
  }
}
