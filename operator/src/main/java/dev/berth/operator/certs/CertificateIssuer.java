package dev.berth.operator.certs;

import java.time.Instant;

/** Creates CAs and the certificates they sign. Behind an interface so the policy code never sees a crypto API. */
public interface CertificateIssuer {

  /** A self-signed CA allowed to sign server certificates (path length 0). */
  IssuedCertificate createCa(String commonName, Instant notBefore, Instant notAfter, KeyType keyType);

  /** A TLS server certificate with the request's subject alternative names, signed by {@code ca}. */
  IssuedCertificate issueServer(IssuedCertificate ca, ServerCertificateRequest request);
}
