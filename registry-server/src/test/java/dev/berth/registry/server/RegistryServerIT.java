package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.berth.registry.config.ConfigException;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.logging.LogSetup;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The server as configured from config.yml, started in-process on a free port. */
class RegistryServerIT {
  private static final String BASE = "version: 0.1\nstorage:\n  inmemory: {}\nhttp:\n  addr: 127.0.0.1:0\n";
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<RegistryServer> servers = new ArrayList<>();
  private final List<ListAppender<ILoggingEvent>> appenders = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(Duration.ZERO));
    appenders.forEach(appender -> accessLogger().detachAppender(appender));
  }

  @Test
  void listensOnAFreePortAndReportsIt() {
    RegistryServer server = start(BASE);

    assertThat(server.port()).isPositive();
    assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
  }

  @Test
  void plainHttpDeclinesTheH2cUpgradeAsRegistry2Does() throws Exception {
    RegistryServer server = start(BASE);

    HttpResponse<String> response = get(server, "/v2/");

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
  }

  @Test
  void configuredHeadersAreOnEveryResponse() throws Exception {
    RegistryServer server = start(BASE + "  headers:\n    X-Content-Type-Options: [nosniff]\n    X-Frame-Options: "
        + "[DENY]\n");

    for (String path : List.of("/v2/", "/v2/a/b/nope", "/elsewhere")) {
      HttpResponse<String> response = get(server, path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void apiAnswersWithTheApiVersionHeaderAndJsonErrors() throws Exception {
    RegistryServer server = start(BASE);

    HttpResponse<String> unknown = get(server, "/v2/library/ubuntu/unknown-endpoint");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    assertThat(unknown.body()).contains("\"errors\"");
  }

  @Test
  void rootPathAnswersOkForLivenessProbesAsRegistry2Does() throws Exception {
    RegistryServer server = start(BASE);

    HttpResponse<String> root = get(server, "/");

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).isEmpty();
    assertThat(root.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get(server, "/other").statusCode()).isEqualTo(404);
  }

  @Test
  void prefixMountsTheApiUnderIt() throws Exception {
    RegistryServer server = start(BASE + "  prefix: /registry/\n");

    HttpResponse<String> mounted = get(server, "/registry/v2/");
    HttpResponse<String> outside = get(server, "/v2/");

    assertThat(mounted.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    assertThat(outside.statusCode()).isEqualTo(404);
    assertThat(outside.headers().firstValue("Docker-Distribution-API-Version")).isEmpty();
    assertThat(outside.body()).contains("no such endpoint");
  }

  /** Needs the real BaseHandler (the placeholder answers 405). */
  @Test
  void baseEndpointAnswersOkWithAndWithoutPrefix() throws Exception {
    RegistryServer plain = start(BASE);
    RegistryServer prefixed = start(BASE + "  prefix: /registry\n");

    assertThat(get(plain, "/v2/").statusCode()).isEqualTo(200);
    assertThat(get(prefixed, "/registry/v2/").statusCode()).isEqualTo(200);
  }

  @Test
  void readOnlyModeRefusesWrites() throws Exception {
    RegistryServer server = start(BASE.replace("  inmemory: {}\n",
        "  inmemory: {}\n  maintenance:\n    readonly:\n      enabled: true\n"));

    HttpResponse<String> upload = send(server, "POST", "/v2/library/ubuntu/blobs/uploads/");

    assertThat(upload.statusCode()).isEqualTo(405);
    assertThat(upload.body()).contains("UNSUPPORTED").contains("read-only");
  }

  @Test
  void writesAreNotRefusedAsReadOnlyByDefault() throws Exception {
    RegistryServer server = start(BASE);

    HttpResponse<String> upload = send(server, "POST", "/v2/library/ubuntu/blobs/uploads/");

    assertThat(upload.body()).doesNotContain("read-only");
  }

  @Test
  void deletesNeedStorageDeleteEnabled() throws Exception {
    RegistryServer server = start(BASE);

    HttpResponse<String> delete = send(server, "DELETE", "/v2/library/ubuntu/manifests/latest");

    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(delete.body()).contains("storage.delete.enabled");
  }

  @Test
  void accessLogWritesOneEventPerRequest() throws Exception {
    ListAppender<ILoggingEvent> accessLog = captureAccessLog();
    RegistryServer server = start(BASE);

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(server, "/v2/x/tags/nope?n=1"))
        .header("User-Agent", "berth-test/1").build(), HttpResponse.BodyHandlers.ofString());

    await().atMost(Duration.ofSeconds(10)).until(() -> !accessLog.list.isEmpty());
    ILoggingEvent event = accessLog.list.get(0);
    assertThat(event.getFormattedMessage()).isEqualTo("response completed");
    assertThat(keyValues(event)).containsEntry("http.request.method", "GET")
        .containsEntry("http.request.uri", "/v2/x/tags/nope?n=1")
        .containsEntry("http.response.status", response.statusCode())
        .containsEntry("http.request.remoteaddr", "127.0.0.1")
        .containsEntry("http.request.useragent", "berth-test/1")
        .containsKeys("http.response.written", "http.response.duration");
  }

  @Test
  void accessLogCanBeDisabled() throws Exception {
    ListAppender<ILoggingEvent> accessLog = captureAccessLog();
    RegistryServer server = start(BASE + "log:\n  accesslog:\n    disabled: true\n");
    RegistryServer witness = start(BASE);

    get(server, "/v2/");
    get(witness, "/v2/");

    // The witness's line proves lines are written; the disabled server's never is.
    await().atMost(Duration.ofSeconds(10)).until(() -> !accessLog.list.isEmpty());
    get(witness, "/v2/");
    await().atMost(Duration.ofSeconds(10)).until(() -> accessLog.list.size() >= 2);
    assertThat(accessLog.list).hasSize(2);
  }

  @Test
  void htpasswdWithAMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("auth/htpasswd");
    String yaml = BASE + "auth:\n  htpasswd:\n    realm: r\n    path: " + missing + "\n";
    assertThatThrownBy(() -> start(yaml)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("auth.htpasswd.path " + missing + " does not exist");
  }

  @Test
  void tlsWithMissingFilesIsRefusedRatherThanServedInPlainText() {
    Path missing = dir.resolve("c.crt");
    String yaml = BASE + "  tls:\n    certificate: " + missing + "\n    key: /c.key\n";
    assertThatThrownBy(() -> start(yaml)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.tls.certificate " + missing + " does not exist");
  }

  @Test
  void tls10IsRefusedAtStart() {
    String yaml = BASE + "  tls:\n    certificate: /c.crt\n    key: /c.key\n    minimumtls: tls1.0\n";
    assertThatThrownBy(() -> start(yaml)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.tls.minimumtls tls1.0 is refused");
  }

  @Test
  void unixSocketsAndS3AreRefusedClearly() {
    assertThatThrownBy(() -> start(BASE + "  net: unix\n")).hasMessageStartingWith("http.net: unix is not supported");
    assertThatThrownBy(() -> start(BASE.replace("inmemory: {}", "s3: {bucket: b}")))
        .hasMessage("storage.s3 is not supported yet");
  }

  @Test
  void aPortInUseIsAStartupErrorNamingTheAddress() {
    RegistryServer first = start(BASE);
    String taken = BASE.replace("127.0.0.1:0", first.address());

    assertThatThrownBy(() -> start(taken)).isInstanceOf(StartupException.class)
        .hasMessageStartingWith("cannot listen on " + first.address());
  }

  @Test
  void stopClosesTheListener() {
    RegistryServer server = start(BASE);
    server.stop(Duration.ofSeconds(5));

    assertThatThrownBy(() -> get(server, "/v2/")).isInstanceOf(ConnectException.class);
  }

  @Test
  void stopLetsAnInFlightUploadFinish() throws Exception {
    RegistryServer server = start(BASE);
    HttpResponse<String> session = send(server, "POST", "/v2/library/ubuntu/blobs/uploads/");
    assertThat(session.statusCode()).isEqualTo(202);
    String location = session.headers().firstValue("Location").orElseThrow();
    PipedOutputStream body = new PipedOutputStream();
    PipedInputStream bodySource = new PipedInputStream(body);
    CompletableFuture<HttpResponse<String>> patch = client.sendAsync(
        HttpRequest.newBuilder(uri(server, "").resolve(location))
            .header("Content-Type", "application/octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> bodySource)).build(),
        HttpResponse.BodyHandlers.ofString());
    body.write(new byte[64 * 1024]);
    body.flush();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(60)));
    // Once new connections are refused the shutdown has begun, with the upload still open.
    await().atMost(Duration.ofSeconds(30)).until(() -> refusesConnections(server));
    body.write(new byte[64 * 1024]);
    body.close();

    HttpResponse<String> finished = patch.get(60, TimeUnit.SECONDS);
    assertThat(finished.statusCode()).isEqualTo(202);
    assertThat(finished.headers().firstValue("Range")).hasValue("0-131071");
    stopping.get(60, TimeUnit.SECONDS);
  }

  @Test
  void filesystemStorageIsCreatedUnderTheConfiguredRoot() throws Exception {
    Path root = dir.resolve("data");
    start("version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: " + root + "\nhttp:\n  addr: 127.0.0.1:0\n");

    assertThat(root).isDirectory();
  }

  private static boolean refusesConnections(RegistryServer server) {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private RegistryServer start(String yaml) {
    RegistryConfig config = ConfigLoader.load(yaml, "test.yml", Map.of()).config();
    RegistryServer server = RegistryServer.start(config);
    servers.add(server);
    return server;
  }

  private HttpResponse<String> get(RegistryServer server, String path) throws IOException, InterruptedException {
    return send(server, "GET", path);
  }

  private HttpResponse<String> send(RegistryServer server, String method, String path)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(server, path)).method(method, HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(RegistryServer server, String path) {
    return URI.create("http://" + server.address() + path);
  }

  private ListAppender<ILoggingEvent> captureAccessLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    accessLogger().addAppender(appender);
    appenders.add(appender);
    return appender;
  }

  private static Logger accessLogger() {
    return (Logger) LoggerFactory.getLogger(LogSetup.ACCESS_LOGGER);
  }

  private static Map<String, Object> keyValues(ILoggingEvent event) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    event.getKeyValuePairs().forEach(pair -> values.put(pair.key, pair.value));
    return values;
  }
}
