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
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
  private static Issued ca;
  private static Issued server;

  @TempDir
  Path dir;

  @BeforeAll
  static void certificates() {
    ca = TestCertificates.ca("CN=Test CA");
    server = TestCertificates.server(ca, TestCertificates.rsa(), "localhost");
  }

  private TlsConfig tls() {
    TlsConfig tls = new TlsConfig();
    tls.certificate = write(dir.resolve("tls.crt"), certificatePem(server.certificate())).toString();
    tls.key = write(dir.resolve("tls.key"), pkcs8KeyPem(server.privateKey())).toString();
    return tls;
  }

  @Test
  void loadsTheKeyPairAsPemValuesWithTls12AndUpAndAlpn() {
    ServerSSLOptions options = ServerTls.from(tls(), false).load();

    PemKeyCertOptions keyCert = (PemKeyCertOptions) options.getKeyCertOptions();
    assertThat(keyCert.getCertValues()).hasSize(1);
    assertThat(keyCert.getKeyValues().get(0).toString()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(options.getEnabledSecureTransportProtocols()).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    assertThat(options.isUseAlpn()).isTrue();
    assertThat(options.getTrustOptions()).isNull();
    assertThat(options.getClientAuth()).isEqualTo(ClientAuth.NONE);
  }

  @Test
  void clientCasRequireClientCertificates() {
    TlsConfig tls = tls();
    tls.clientcas = List.of(write(dir.resolve("clients-ca.crt"), certificatePem(ca.certificate())).toString());

    ServerSSLOptions options = ServerTls.from(tls, false).load();

    assertThat(options.getClientAuth()).isEqualTo(ClientAuth.REQUIRED);
    assertThat(((PemTrustOptions) options.getTrustOptions()).getCertValues()).hasSize(1);
  }

  @Test
  void aBrokenClientCaFileIsNamed() {
    TlsConfig tls = tls();
    tls.clientcas = List.of(write(dir.resolve("clients-ca.crt"), "nope").toString());

    assertThatThrownBy(() -> ServerTls.from(tls, false).load())
        .hasMessageContaining("http.tls.clientcas").hasMessageContaining("clients-ca.crt");
  }

  @Test
  void watchesCertificateKeyAndClientCas() {
    TlsConfig tls = tls();
    tls.clientcas = List.of("/etc/ca1.crt", "/etc/ca2.crt");

    assertThat(ServerTls.from(tls, false).watchedFiles()).containsExactly(Path.of(tls.certificate),
        Path.of(tls.key), Path.of("/etc/ca1.crt"), Path.of("/etc/ca2.crt"));
  }

  @Test
  void minimumTlsAndCipherSuitesAreApplied() {
    TlsConfig tls = tls();
    tls.minimumtls = "tls1.3";
    tls.ciphersuites = List.of("TLS_AES_256_GCM_SHA384");

    ServerSSLOptions options = ServerTls.from(tls, false).load();

    assertThat(options.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.3");
    assertThat(options.getEnabledCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
  }

  @Test
  void settingsErrorsNeedNoFiles() {
    TlsConfig noKey = new TlsConfig();
    noKey.certificate = "/certs/domain.crt";
    TlsConfig oldTls = tls();
    oldTls.minimumtls = "tls1.0";

    assertThatThrownBy(() -> ServerTls.from(noKey, false)).hasMessageContaining("http.tls.key is not set");
    assertThatThrownBy(() -> ServerTls.from(oldTls, false)).hasMessageContaining("minimumtls");
  }

  @Test
  void configureTurnsOnTlsAndHonoursHttp2Disabled() {
    HttpConfig http = new HttpConfig();
    http.tls = tls();
    http.http2 = new HttpConfig.Http2();
    http.http2.disabled = true;

    HttpServerOptions options = ServerTls.configure(new HttpServerOptions(), http);

    assertThat(options.isSsl()).isTrue();
    assertThat(options.isUseAlpn()).isFalse();
    assertThat(options.getKeyCertOptions()).isInstanceOf(PemKeyCertOptions.class);
  }

  @Test
  void configureOffersHttp2ThroughAlpnByDefault() {
    HttpConfig http = new HttpConfig();
    http.tls = tls();

    assertThat(ServerTls.configure(new HttpServerOptions(), http).isUseAlpn()).isTrue();
  }

  @Test
  void configureLeavesPlainHttpAsTheCallerSetIt() {
    HttpServerOptions options = ServerTls.configure(new HttpServerOptions().setHttp2ClearTextEnabled(false),
        new HttpConfig());

    assertThat(options.isSsl()).isFalse();
    assertThat(options.isHttp2ClearTextEnabled()).isFalse();
  }
}
