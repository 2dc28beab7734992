package dev.berth.operator.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate with its private key, as issued or as read back from a Secret. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {

  public String certificatePem() {
    return Pem.encode(certificate);
  }

  public String privateKeyPem() {
    return Pem.encode(privateKey);
  }
}
