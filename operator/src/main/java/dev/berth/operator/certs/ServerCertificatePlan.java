package dev.berth.operator.certs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The server certificate to serve, and why it was (re-)issued when it was; empty reason means kept. */
public record ServerCertificatePlan(IssuedCertificate certificate, Optional<String> issuedBecause,
    Duration renewBefore) {

  public Instant notAfter() {
    return Certificates.notAfter(certificate.certificate());
  }

  public Instant renewalTime() {
    return notAfter().minus(renewBefore);
  }
}
