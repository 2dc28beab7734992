package dev.berth.registry.tls;

import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.TlsConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main listener's TLS, from {@code http.tls} and {@code http.http2}: the checks that need no files happen
 * once, in {@link #from}; {@link #load} reads the PEM files (at start and again on every certificate change) and
 * builds the options handed to the server, so a reload produces exactly what the start produced.
 *
 * <ul>
 *   <li>{@code certificate} + {@code key}: PEM, checked to belong together ({@link PemKeyPair}).</li>
 *   <li>{@code clientcas}: client certificates signed by one of these CAs are required.</li>
 *   <li>{@code minimumtls}: tls1.2 (default) or tls1.3 ({@link TlsProtocols}).</li>
 *   <li>{@code ciphersuites}: Go names ({@link CipherSuites}).</li>
 *   <li>{@code http2.disabled}: no ALPN, so clients speak HTTP/1.1.</li>
 * </ul>
 */
public final class ServerTls {
  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

  private final Path certificate;
  private final Path key;
  private final List<Path> clientCas;
  private final Set<String> protocols;
  private final Set<String> cipherSuites;
  private final boolean alpn;

  private ServerTls(Path certificate, Path key, List<Path> clientCas, Set<String> protocols,
      Set<String> cipherSuites, boolean alpn) {
    this.certificate = certificate;
    this.key = key;
    this.clientCas = clientCas;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
    this.alpn = alpn;
  }

  /** Validates the settings that need no files; fails naming the setting at fault. */
  public static ServerTls from(TlsConfig tls, boolean http2Disabled) {
    if (tls == null || isBlank(tls.certificate)) {
      throw new IllegalArgumentException("http.tls.certificate is not set");
    }
    if (isBlank(tls.key)) {
      throw new IllegalArgumentException("http.tls.key is not set (http.tls.certificate is "
          + tls.certificate + ")");
    }
    List<Path> clientCas = new ArrayList<>();
    for (String ca : tls.clientcas == null ? List.<String>of() : tls.clientcas) {
      if (isBlank(ca)) {
        throw new IllegalArgumentException("http.tls.clientcas has an empty entry");
      }
      clientCas.add(Path.of(ca));
    }
    Set<String> protocols = TlsProtocols.enabledFrom(tls.minimumtls);
    Set<String> cipherSuites = CipherSuites.toJsse(tls.ciphersuites, protocols);
    return new ServerTls(Path.of(tls.certificate), Path.of(tls.key), List.copyOf(clientCas), protocols,
        cipherSuites, !http2Disabled);
  }

  /** The files whose change means new handshakes need new options. */
  public List<Path> watchedFiles() {
    List<Path> files = new ArrayList<>(List.of(certificate, key));
    files.addAll(clientCas);
    return List.copyOf(files);
  }

  /** Blocking: reads and checks every file; fails naming the file at fault. */
  public ServerSSLOptions load() {
    PemKeyPair pair = PemKeyPair.read(certificate, key);
    warnIfNotCurrentlyValid(pair.leaf());
    ServerSSLOptions options = new ServerSSLOptions()
        .setKeyCertOptions(pair.toKeyCertOptions())
        .setEnabledSecureTransportProtocols(protocols)
        .setUseAlpn(alpn);
    cipherSuites.forEach(options::addEnabledCipherSuite);
    if (!clientCas.isEmpty()) {
      PemTrustOptions trust = new PemTrustOptions();
      for (Path ca : clientCas) {
        trust.addCertValue(Buffer.buffer(PemKeyPair.certificatesPem(PemKeyPair.readCertificates(ca,
            "http.tls.clientcas"))));
      }
      options.setTrustOptions(trust).setClientAuth(ClientAuth.REQUIRED);
    }
    return options;
  }

  /** Blocking: turns TLS on in the listener's options with freshly loaded files. */
  public HttpServerOptions applyTo(HttpServerOptions server) {
    ServerSSLOptions ssl = load();
    LOG.info("TLS: certificate {}, key {}, protocols {}{}{}; reloaded when the files change", certificate, key,
        protocols, clientCas.isEmpty() ? "" : ", client certificates required (" + clientCas + ")",
        alpn ? ", HTTP/2 via ALPN" : ", HTTP/1.1 only");
    server.setSsl(true)
        .setKeyCertOptions(ssl.getKeyCertOptions())
        .setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols())
        .setUseAlpn(alpn);
    ssl.getEnabledCipherSuites().forEach(server::addEnabledCipherSuite);
    if (ssl.getTrustOptions() != null) {
      server.setTrustOptions(ssl.getTrustOptions()).setClientAuth(ssl.getClientAuth());
    }
    return server;
  }

  /**
   * The listener options for {@code http}: TLS when configured, with HTTP/2 offered through ALPN unless
   * {@code http.http2.disabled}. Clear-text settings (such as h2c) are left as the caller set them. Blocking
   * when TLS is on (reads the PEM files).
   */
  public static HttpServerOptions configure(HttpServerOptions server, HttpConfig http) {
    if (http != null && http.tlsEnabled()) {
      from(http.tls, http.http2Disabled()).applyTo(server);
    }
    return server;
  }

  private static void warnIfNotCurrentlyValid(X509Certificate leaf) {
    Instant now = Instant.now();
    if (now.isAfter(leaf.getNotAfter().toInstant())) {
      LOG.warn("the server certificate {} expired on {}; clients will refuse it", leaf.getSubjectX500Principal(),
          leaf.getNotAfter().toInstant());
    } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
      LOG.warn("the server certificate {} is not valid before {}", leaf.getSubjectX500Principal(),
          leaf.getNotBefore().toInstant());
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
