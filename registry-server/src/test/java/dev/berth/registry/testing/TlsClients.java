package dev.berth.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Plain JSSE clients for TLS tests: which certificate a handshake presents, and raw HTTP/1.1 over TLS. */
public final class TlsClients {
  private TlsClients() {
  }

  /** A client trusting only {@code ca}, presenting {@code clientCert} when not null. */
  public static SSLContext context(X509Certificate ca, TestCertificates.Issued clientCert) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      if (clientCert != null) {
        keys.setKeyEntry("client", clientCert.privateKey(), new char[0],
            new Certificate[] {clientCert.certificate()});
      }
      keyManagers.init(keys, new char[0]);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static SSLSocket connect(SSLContext context, int port) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
    socket.setSoTimeout(30_000);
    socket.startHandshake();
    return socket;
  }

  /** The certificate a fresh handshake presents. */
  public static X509Certificate presented(SSLContext context, int port) throws IOException {
    try (SSLSocket socket = connect(context, port)) {
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  /** Sends {@code GET path} over the socket, HTTP/1.1 with Connection: close. */
  public static void sendGet(SSLSocket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The status line of a whole-request round trip; throws when the TLS session or connection fails. */
  public static String statusLine(SSLContext context, int port, String path) throws IOException {
    try (SSLSocket socket = connect(context, port)) {
      sendGet(socket, path);
      String response = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
      if (response.isEmpty()) {
        throw new IOException("connection closed without a response");
      }
      return response.substring(0, response.indexOf("\r\n"));
    }
  }

  public static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
