package dev.berth.registry.tls;

import static dev.berth.registry.testing.TestCertificates.certificatePem;
import static dev.berth.registry.testing.TestCertificates.pkcs8KeyPem;
import static dev.berth.registry.testing.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.TlsConfig;
import dev.berth.registry.testing.TestCertificates;
import dev.berth.registry.testing.TestCertificates.Issued;
import dev.berth.registry.testing.TlsClients;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Vert.x TLS listener built by {@link ServerTls}, reloaded by {@link CertificateReloader}. */
class TlsListenerIT {
  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS = 8;

  private static Issued ca;
  private static Issued first;
  private static Issued second;

  @TempDir
  Path dir;
  private Vertx vertx;
  private HttpServer server;
  private final Promise<Void> releaseRest = Promise.promise();
  private int generation;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.ca("CN=Test CA");
    first = TestCertificates.server(ca, TestCertificates.rsa(), "first");
    second = TestCertificates.server(ca, TestCertificates.ec(), "second");
  }

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    releaseRest.tryComplete();
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  /** Serves /small, and /large: one chunk at once, the rest when the test releases it. */
  private int start(TlsConfig tls, boolean http2Disabled) throws Exception {
    HttpConfig http = new HttpConfig();
    http.tls = tls;
    if (http2Disabled) {
      http.http2 = new HttpConfig.Http2();
      http.http2.disabled = true;
    }
    HttpServerOptions options = ServerTls.configure(new HttpServerOptions().setHost("127.0.0.1").setPort(0), http);
    server = vertx.createHttpServer(options).requestHandler(request -> {
      if (request.path().equals("/large")) {
        request.response().putHeader("Content-Length", String.valueOf((long) CHUNK * CHUNKS));
        request.response().write(Buffer.buffer(new byte[CHUNK]));
        releaseRest.future().onComplete(done -> {
          for (int i = 1; i < CHUNKS; i++) {
            request.response().write(Buffer.buffer(new byte[CHUNK]));
          }
          request.response().end();
        });
      } else {
        request.response().end("ok " + request.version());
      }
    });
    server.listen().await(20, TimeUnit.SECONDS);
    return server.actualPort();
  }

  private void publish(Issued issued) throws Exception {
    Path version = dir.resolve("..v" + ++generation);
    write(version.resolve("tls.crt"), certificatePem(issued.certificate()));
    write(version.resolve("tls.key"), pkcs8KeyPem(issued.privateKey()));
    Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), version.getFileName());
    Files.move(tmp, dir.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    if (!Files.exists(dir.resolve("tls.crt"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(dir.resolve("tls.crt"), Path.of("..data/tls.crt"));
      Files.createSymbolicLink(dir.resolve("tls.key"), Path.of("..data/tls.key"));
    }
  }

  private TlsConfig secretVolumeTls() throws Exception {
    publish(first);
    TlsConfig tls = new TlsConfig();
    tls.certificate = dir.resolve("tls.crt").toString();
    tls.key = dir.resolve("tls.key").toString();
    return tls;
  }

  @Test
  void aSwappedCertificateIsPresentedToNewHandshakesWhileARunningDownloadCompletes() throws Exception {
    TlsConfig tls = secretVolumeTls();
    int port = start(tls, false);
    CertificateReloader reloader = new CertificateReloader(vertx, ServerTls.from(tls, false),
        server::updateSSLOptions, Duration.ofMillis(200));
    reloader.start().await(10, TimeUnit.SECONDS);
    SSLContext client = TlsClients.context(ca.certificate(), null);
    assertThat(TlsClients.presented(client, port)).isEqualTo(first.certificate());

    try (SSLSocket download = TlsClients.connect(client, port)) {
      TlsClients.sendGet(download, "/large");
      InputStream in = download.getInputStream();
      byte[] firstBytes = in.readNBytes(CHUNK / 2);
      assertThat(firstBytes).hasSize(CHUNK / 2);

      publish(second);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
          .until(() -> TlsClients.presented(client, port).equals(second.certificate()));

      releaseRest.complete();
      byte[] rest = TlsClients.readAll(in);
      String head = new String(firstBytes, 0, 200, StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 200");
      int headerLength = new String(firstBytes, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
      assertThat((long) firstBytes.length - headerLength + rest.length).isEqualTo((long) CHUNK * CHUNKS);
      assertThat(download.getSession().getPeerCertificates()[0]).isEqualTo(first.certificate());
    }
    reloader.stop();
  }

  @Test
  void garbageCertificateFilesKeepTheOldCertificateInService() throws Exception {
    TlsConfig tls = secretVolumeTls();
    int port = start(tls, false);
    CertificateReloader reloader = new CertificateReloader(vertx, ServerTls.from(tls, false),
        server::updateSSLOptions, Duration.ofHours(1));
    reloader.start().await(10, TimeUnit.SECONDS);
    Path garbage = dir.resolve("..garbage");
    write(garbage.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");
    write(garbage.resolve("tls.key"), "garbage");
    Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), garbage.getFileName());
    Files.move(tmp, dir.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertThat(reloader.checkNow().await(10, TimeUnit.SECONDS)).isFalse();

    SSLContext client = TlsClients.context(ca.certificate(), null);
    assertThat(TlsClients.presented(client, port)).isEqualTo(first.certificate());
    assertThat(TlsClients.statusLine(client, port, "/small")).startsWith("HTTP/1.1 200");
    reloader.stop();
  }

  private TlsConfig withClientCas(Issued clientCa) throws Exception {
    TlsConfig tls = secretVolumeTls();
    tls.clientcas = List.of(write(dir.resolve("client-ca.crt"), certificatePem(clientCa.certificate())).toString());
    return tls;
  }

  @Test
  void clientCertificatesSignedByAClientCaAreAccepted() throws Exception {
    Issued clientCa = TestCertificates.ca("CN=Client CA");
    int port = start(withClientCas(clientCa), false);
    Issued valid = TestCertificates.client(clientCa, "ci", Instant.now(), Duration.ofDays(1));

    assertThat(TlsClients.statusLine(TlsClients.context(ca.certificate(), valid), port, "/small"))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void missingExpiredAndForeignClientCertificatesFailTheHandshake() throws Exception {
    Issued clientCa = TestCertificates.ca("CN=Client CA");
    int port = start(withClientCas(clientCa), false);
    Issued expired = TestCertificates.client(clientCa, "old", Instant.now().minus(Duration.ofDays(10)),
        Duration.ofDays(1));
    Issued foreign = TestCertificates.client(TestCertificates.ca("CN=Other CA"), "stranger", Instant.now(),
        Duration.ofDays(1));

    assertThatThrownBy(() -> TlsClients.statusLine(TlsClients.context(ca.certificate(), null), port, "/small"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TlsClients.statusLine(TlsClients.context(ca.certificate(), expired), port, "/small"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> TlsClients.statusLine(TlsClients.context(ca.certificate(), foreign), port, "/small"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void http2IsNegotiatedUnlessDisabled() throws Exception {
    TlsConfig tls = secretVolumeTls();
    int withHttp2 = start(tls, false);
    assertThat(negotiatedProtocol(withHttp2)).isEqualTo("h2");
    server.close().await(10, TimeUnit.SECONDS);

    int withoutHttp2 = start(tls, true);
    assertThat(negotiatedProtocol(withoutHttp2)).isIn("", null);
  }

  private String negotiatedProtocol(int port) throws IOException {
    SSLContext client = TlsClients.context(ca.certificate(), null);
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
      var parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getApplicationProtocol();
    }
  }

  @Test
  void tls13OnlyRefusesTls12Clients() throws Exception {
    TlsConfig tls = secretVolumeTls();
    tls.minimumtls = "tls1.3";
    int port = start(tls, false);
    SSLContext client = TlsClients.context(ca.certificate(), null);

    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
    }
    try (SSLSocket socket = TlsClients.connect(client, port)) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }
}
