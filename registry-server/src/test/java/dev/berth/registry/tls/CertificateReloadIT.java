package dev.berth.registry.tls;

import static dev.berth.registry.testing.TestCertificates.certificatePem;
import static dev.berth.registry.testing.TestCertificates.pkcs8KeyPem;
import static dev.berth.registry.testing.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testing.RawHttp;
import dev.berth.registry.testing.SecuredRegistry;
import dev.berth.registry.testing.SecuredRegistry.Outcome;
import dev.berth.registry.testing.TestCertificates;
import dev.berth.registry.testing.TestCertificates.Issued;
import dev.berth.registry.testing.TlsClients;
import dev.berth.registry.testsupport.FreePort;
import dev.berth.registry.testsupport.OciLayoutWriter;
import dev.berth.registry.testsupport.SeededBytes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth's jar serving TLS from a Kubernetes-Secret-like directory ({@code tls.crt -> ..data/tls.crt}): the
 * certificate is renewed by swapping {@code ..data} while a client is in the middle of downloading a large blob.
 * Also client certificate authentication with {@code http.tls.clientcas}, through skopeo's cert dir.
 */
class CertificateReloadIT {
  private static final int BLOB_SIZE = 48 << 20;

  @TempDir
  Path temp;
  private int generation;

  private void publish(Path secret, Issued issued) throws Exception {
    Path version = secret.resolve("..v" + ++generation);
    write(version.resolve("tls.crt"), certificatePem(issued.certificate()));
    write(version.resolve("tls.key"), pkcs8KeyPem(issued.privateKey()));
    swap(secret, version);
  }

  private static void swap(Path secret, Path version) throws Exception {
    Path tmp = Files.createSymbolicLink(secret.resolve("..data_tmp"), version.getFileName());
    Files.move(tmp, secret.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    if (!Files.exists(secret.resolve("tls.crt"), LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(secret.resolve("tls.crt"), Path.of("..data/tls.crt"));
      Files.createSymbolicLink(secret.resolve("tls.key"), Path.of("..data/tls.key"));
    }
  }

  private SecuredRegistry start(Path secret, String extraTls, SSLContext probe) throws Exception {
    int port = FreePort.pick();
    Path config = write(temp.resolve("config.yml"), """
        version: 0.1
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: 127.0.0.1:%d
          secret: reload-it
          tls:
            certificate: %s
            key: %s
        %s
        """.formatted(temp.resolve("storage"), port, secret.resolve("tls.crt"), secret.resolve("tls.key"),
        extraTls));
    return SecuredRegistry.start(SecuredRegistry.berthCommand(config), Map.of(), port, probe,
        temp.resolve("registry.log"));
  }

  @Test
  void aRenewedCertificateReachesNewHandshakesWhileARunningBlobDownloadCompletes() throws Exception {
    Issued ca = TestCertificates.ca("CN=Reload CA");
    Issued before = TestCertificates.server(ca, TestCertificates.rsa(), "before");
    Issued after = TestCertificates.server(ca, TestCertificates.ec(), "after");
    Path secret = Files.createDirectories(temp.resolve("secret"));
    publish(secret, before);
    SSLContext client = TlsClients.context(ca.certificate(), null);

    try (SecuredRegistry registry = start(secret, "", client)) {
      byte[] blob = SeededBytes.of(42, BLOB_SIZE);
      String digest = SeededBytes.digestOf(blob);
      RawHttp http = new RawHttp("127.0.0.1", registry.port(), client);
      assertThat(http.send("POST", "/v2/big/blob/blobs/uploads/?digest=" + digest,
          Map.of("Content-Type", "application/octet-stream"), blob).status()).isEqualTo(201);
      assertThat(TlsClients.presented(client, registry.port())).isEqualTo(before.certificate());

      try (SSLSocket download = TlsClients.connect(client, registry.port())) {
        TlsClients.sendGet(download, "/v2/big/blob/blobs/" + digest);
        InputStream in = download.getInputStream();
        String headers = readHeaders(in);
        assertThat(headers).startsWith("HTTP/1.1 200");
        byte[] start = in.readNBytes(1 << 20);

        publish(secret, after);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> TlsClients.presented(client, registry.port()).equals(after.certificate()));

        byte[] rest = in.readAllBytes();
        byte[] whole = new byte[start.length + rest.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(rest, 0, whole, start.length, rest.length);
        assertThat(whole.length).isEqualTo(BLOB_SIZE);
        assertThat(SeededBytes.digestOf(new ByteArrayInputStream(whole)).digest()).isEqualTo(digest);
        assertThat(download.getSession().getPeerCertificates()[0]).isEqualTo(before.certificate());
      }
      assertThat(registry.log()).contains("TLS certificate reloaded");
    }
  }

  @Test
  void garbageCertificateFilesAreLoggedAndTheOldCertificateStaysInService() throws Exception {
    Issued ca = TestCertificates.ca("CN=Reload CA");
    Issued current = TestCertificates.server(ca, TestCertificates.ec(), "current");
    Path secret = Files.createDirectories(temp.resolve("secret"));
    publish(secret, current);
    SSLContext client = TlsClients.context(ca.certificate(), null);

    try (SecuredRegistry registry = start(secret, "", client)) {
      Path garbage = secret.resolve("..garbage");
      write(garbage.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
      write(garbage.resolve("tls.key"), "garbage");
      swap(secret, garbage);

      // Wait for the reload failure itself: the start-up lines name the certificate file too.
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> registry.log().contains("still serving the previous certificate"));
      assertThat(registry.log()).contains(secret.resolve("tls.crt").toString());
      assertThat(TlsClients.presented(client, registry.port())).isEqualTo(current.certificate());
      assertThat(TlsClients.statusLine(client, registry.port(), "/v2/")).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void clientCasAdmitValidClientCertificatesAndRefuseExpiredOrForeignOnes() throws Exception {
    Issued ca = TestCertificates.ca("CN=Server CA");
    Issued server = TestCertificates.server(ca, TestCertificates.ec(), "localhost");
    Issued clientCa = TestCertificates.ca("CN=Client CA");
    Path secret = Files.createDirectories(temp.resolve("secret"));
    publish(secret, server);
    Path clientCaFile = write(temp.resolve("client-ca.pem"), certificatePem(clientCa.certificate()));
    Issued valid = TestCertificates.client(clientCa, "ci", Instant.now(), Duration.ofDays(1));
    Issued expired = TestCertificates.client(clientCa, "old", Instant.now().minus(Duration.ofDays(30)),
        Duration.ofDays(1));
    Issued foreign = TestCertificates.client(TestCertificates.ca("CN=Other CA"), "stranger", Instant.now(),
        Duration.ofDays(1));

    try (SecuredRegistry registry = start(secret, "    clientcas:\n      - " + clientCaFile,
        TlsClients.context(ca.certificate(), valid))) {
      Path layout = temp.resolve("layout");
      new OciLayoutWriter(layout).addImage("v1", 5, 1, 50_000);
      String image = "docker://" + registry.hostPort() + "/mtls/app:v1";

      assertThat(skopeoPush(layout, image, certDir("valid", ca, valid)).exitCode()).isZero();
      assertThat(skopeoPush(layout, image, certDir("none", ca, null)).exitCode()).isNotZero();
      assertThat(skopeoPush(layout, image, certDir("expired", ca, expired)).exitCode()).isNotZero();
      assertThat(skopeoPush(layout, image, certDir("foreign", ca, foreign)).exitCode()).isNotZero();
    }
  }

  /** A skopeo/docker cert dir: ca.crt to trust, client.cert + client.key to present. */
  private Path certDir(String name, Issued ca, Issued client) {
    Path dir = temp.resolve("certs-" + name);
    write(dir.resolve("ca.crt"), certificatePem(ca.certificate()));
    if (client != null) {
      write(dir.resolve("client.cert"), certificatePem(client.certificate()));
      write(dir.resolve("client.key"), pkcs8KeyPem(client.privateKey()));
    }
    return dir;
  }

  private static Outcome skopeoPush(Path layout, String image, Path certDir) throws Exception {
    return SecuredRegistry.run(SecuredRegistry.skopeoCopy("oci:" + layout + ":v1", image,
        List.of("--dest-cert-dir", certDir.toString())));
  }

  private static String readHeaders(InputStream in) throws Exception {
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      headers.append((char) b);
    }
    return headers.toString();
  }
}
