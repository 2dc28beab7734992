package dev.berth.operator.certs;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from what exists and the time, which CA and server certificate should exist. It never re-issues
 * what is still valid, so repeated reconciles produce the same PEM bytes and nothing restarts.
 *
 * <p>CA rotation: when the CA is due for renewal a new CA (new key) becomes current, and the old CA
 * certificate stays in the trust bundle while the served certificate is still signed by it. The served
 * certificate is re-issued by the new CA only at its own renewal time, which gives clients a full server
 * certificate lifetime to pick up the bundle that trusts both.
 */
public final class CertificateAuthority {
  private final CertificateIssuer issuer;
  private final Clock clock;

  public CertificateAuthority(CertificateIssuer issuer, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The CA to keep (possibly rotated); {@code served} is the certificate currently in the TLS Secret. */
  public CaBundle ensureCa(Optional<CaBundle> existing, Optional<X509Certificate> served, String commonName,
      CertificateSettings settings) {
    Instant now = now();
    if (existing.isEmpty()) {
      return new CaBundle(newCa(commonName, settings, now), List.of());
    }
    CaBundle ca = existing.get();
    List<X509Certificate> retired = new ArrayList<>(ca.retired());
    IssuedCertificate current = ca.current();
    if (!now.isBefore(Certificates.notAfter(current.certificate()).minus(settings.caRenewBefore()))) {
      retired.add(0, current.certificate());
      current = newCa(commonName, settings, now);
    }
    retired.removeIf(old -> !stillVouchesFor(old, served, now));
    return new CaBundle(current, retired);
  }

  /** Keeps the served certificate when it is still right, else issues a new one from the current CA. */
  public ServerCertificatePlan ensureServer(Optional<IssuedCertificate> served, CaBundle ca,
      List<String> dnsNames, List<String> ipAddresses, CertificateSettings settings) {
    Instant now = now();
    Optional<String> reason = reissueReason(served, ca, dnsNames, ipAddresses, settings, now);
    if (reason.isEmpty()) {
      return new ServerCertificatePlan(served.get(), Optional.empty(), settings.serverRenewBefore());
    }
    Instant notAfter = min(now.plus(settings.serverValidity()), Certificates.notAfter(ca.current().certificate()));
    ServerCertificateRequest request = new ServerCertificateRequest(dnsNames, ipAddresses,
        now.minus(CertificateSettings.BACKDATE), notAfter, settings.keyType());
    return new ServerCertificatePlan(issuer.issueServer(ca.current(), request), reason,
        settings.serverRenewBefore());
  }

  private static Optional<String> reissueReason(Optional<IssuedCertificate> served, CaBundle ca,
      List<String> dnsNames, List<String> ipAddresses, CertificateSettings settings, Instant now) {
    if (served.isEmpty() || !Certificates.keyMatches(served.get())) {
      return Optional.of("no usable certificate yet");
    }
    X509Certificate cert = served.get().certificate();
    if (ca.signerOf(cert).isEmpty()) {
      return Optional.of("certificate is not signed by the registry CA");
    }
    if (!Certificates.dnsNames(cert).equals(new java.util.TreeSet<>(dnsNames))
        || !Certificates.ipAddresses(cert).equals(Certificates.canonicalIps(ipAddresses))) {
      return Optional.of("subject alternative names changed");
    }
    if (Certificates.keyType(cert) != settings.keyType()) {
      return Optional.of("key algorithm changed to " + settings.keyType());
    }
    if (!now.isBefore(Certificates.notAfter(cert).minus(settings.serverRenewBefore()))) {
      return Optional.of("certificate is due for renewal (expires " + Certificates.notAfter(cert) + ")");
    }
    return Optional.empty();
  }

  private static boolean stillVouchesFor(X509Certificate oldCa, Optional<X509Certificate> served, Instant now) {
    return Certificates.notAfter(oldCa).isAfter(now)
        && served.map(cert -> Certificates.isSignedBy(cert, oldCa)).orElse(false);
  }

  private IssuedCertificate newCa(String commonName, CertificateSettings settings, Instant now) {
    return issuer.createCa(commonName, now.minus(CertificateSettings.BACKDATE), now.plus(settings.caValidity()),
        settings.keyType());
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
