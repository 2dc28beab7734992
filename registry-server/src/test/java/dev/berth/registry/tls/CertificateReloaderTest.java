package dev.berth.registry.tls;

import static dev.berth.registry.testing.TestCertificates.certificatePem;
import static dev.berth.registry.testing.TestCertificates.pkcs8KeyPem;
import static dev.berth.registry.testing.TestCertificates.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.config.TlsConfig;
import dev.berth.registry.testing.TestCertificates;
import dev.berth.registry.testing.TestCertificates.Issued;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloader against a recorded "server": which options it would install, and when. */
class CertificateReloaderTest {
  private static Issued ca;
  private static Issued first;
  private static Issued second;

  @TempDir
  Path dir;
  private Vertx vertx;
  private final List<ServerSSLOptions> applied = new CopyOnWriteArrayList<>();
  private CertificateReloader reloader;
  private int generation;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.ca("CN=Test CA");
    first = TestCertificates.server(ca, TestCertificates.rsa(), "first");
    second = TestCertificates.server(ca, TestCertificates.ec(), "second");
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    publish(first);
    TlsConfig tls = new TlsConfig();
    tls.certificate = dir.resolve("tls.crt").toString();
    tls.key = dir.resolve("tls.key").toString();
    reloader = new CertificateReloader(vertx, ServerTls.from(tls, false), options -> {
      applied.add(options);
      return Future.succeededFuture(true);
    }, Duration.ofHours(1));
    reloader.start().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    reloader.stop();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Publishes a key pair the way the kubelet updates a Secret volume: a new directory, then a symlink swap. */
  private void publish(Issued issued) throws Exception {
    Path version = dir.resolve("..v" + ++generation);
    write(version.resolve("tls.crt"), certificatePem(issued.certificate()));
    write(version.resolve("tls.key"), pkcs8KeyPem(issued.privateKey()));
    swapDataLink(version);
    if (!Files.exists(dir.resolve("tls.crt"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(dir.resolve("tls.crt"), Path.of("..data/tls.crt"));
      Files.createSymbolicLink(dir.resolve("tls.key"), Path.of("..data/tls.key"));
    }
  }

  private void swapDataLink(Path target) throws Exception {
    Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), target.getFileName());
    Files.move(tmp, dir.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private boolean check() throws Exception {
    return reloader.checkNow().await(10, TimeUnit.SECONDS);
  }

  private static String certificateIn(ServerSSLOptions options) {
    return ((PemKeyCertOptions) options.getKeyCertOptions()).getCertValues().get(0).toString();
  }

  @Test
  void unchangedFilesAreNotReapplied() throws Exception {
    assertThat(check()).isFalse();
    assertThat(applied).isEmpty();
  }

  @Test
  void aSymlinkSwapInstallsTheNewPair() throws Exception {
    publish(second);

    assertThat(check()).isTrue();
    assertThat(applied).singleElement().satisfies(options ->
        assertThat(certificateIn(options)).isEqualTo(certificatePem(second.certificate())));
    assertThat(check()).as("applied once").isFalse();
  }

  @Test
  void garbageKeepsTheOldCertificateAndAFixedWriteIsPickedUp() throws Exception {
    Path version = dir.resolve("..garbage");
    write(version.resolve("tls.crt"), "this is not a certificate");
    write(version.resolve("tls.key"), pkcs8KeyPem(second.privateKey()));
    swapDataLink(version);

    assertThat(check()).isFalse();
    assertThat(check()).isFalse();
    assertThat(applied).isEmpty();

    publish(second);
    assertThat(check()).isTrue();
    assertThat(applied).hasSize(1);
  }

  @Test
  void aKeyThatDoesNotMatchIsNotInstalledUntilItsPartnerArrives() throws Exception {
    // A non-atomic writer replaces the certificate first and the key a moment later.
    Files.delete(dir.resolve("tls.crt"));
    write(dir.resolve("tls.crt"), certificatePem(second.certificate()));
    assertThat(check()).isFalse();

    Files.delete(dir.resolve("tls.key"));
    write(dir.resolve("tls.key"), pkcs8KeyPem(second.privateKey()));
    assertThat(check()).isTrue();
    assertThat(certificateIn(applied.get(0))).isEqualTo(certificatePem(second.certificate()));
  }

  @Test
  void aRefusalByTheServerKeepsWatching() throws Exception {
    CertificateReloader refusing = new CertificateReloader(vertx, ServerTls.from(tlsAt(dir), false),
        options -> Future.failedFuture("engine says no"), Duration.ofHours(1));
    refusing.start().await(10, TimeUnit.SECONDS);
    publish(second);

    assertThat(refusing.checkNow().await(10, TimeUnit.SECONDS)).isFalse();
    refusing.stop();
  }

  private static TlsConfig tlsAt(Path dir) {
    TlsConfig tls = new TlsConfig();
    tls.certificate = dir.resolve("tls.crt").toString();
    tls.key = dir.resolve("tls.key").toString();
    return tls;
  }

  @Test
  void aChangedClientCaFileIsInstalledToo() throws Exception {
    Path clientCa = write(dir.resolve("clients.pem"), certificatePem(ca.certificate()));
    TlsConfig tls = tlsAt(dir);
    tls.clientcas = List.of(clientCa.toString());
    CertificateReloader withClientCas = new CertificateReloader(vertx, ServerTls.from(tls, false), options -> {
      applied.add(options);
      return Future.succeededFuture(true);
    }, Duration.ofHours(1));
    withClientCas.start().await(10, TimeUnit.SECONDS);
    Issued otherCa = TestCertificates.ca("CN=Other client CA");

    write(clientCa, certificatePem(ca.certificate(), otherCa.certificate()));

    assertThat(withClientCas.checkNow().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(((io.vertx.core.net.PemTrustOptions) applied.get(0).getTrustOptions()).getCertValues().get(0)
        .toString()).contains(certificatePem(otherCa.certificate()).strip().split("\n")[1]);
    withClientCas.stop();
  }
}
