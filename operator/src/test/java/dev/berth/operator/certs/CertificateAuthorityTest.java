package dev.berth.operator.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.MutableClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static final List<String> NAMES = List.of("reg", "reg.ns", "reg.ns.svc", "reg.ns.svc.cluster.local");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final CertificateAuthority authority = new CertificateAuthority(new BouncyCastleIssuer(), clock);
  private final CertificateSettings settings = CertificateSettings.defaults();

  @Test
  void newCaIsSelfSignedLongLivedAndAllowedToSignOnlyLeafCertificates() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    X509Certificate cert = ca.current().certificate();

    assertThat(Certificates.isSignedBy(cert, cert)).isTrue();
    assertThat(cert.getBasicConstraints()).isEqualTo(0);
    assertThat(cert.getNotAfter().toInstant()).isAfter(clock.instant().plus(Duration.ofDays(3649)));
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(ca.retired()).isEmpty();
  }

  @Test
  void serverCertificateCarriesTheRequestedNamesAndIsSignedByTheCa() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);

    ServerCertificatePlan plan = authority.ensureServer(Optional.empty(), ca, NAMES, List.of("10.0.0.7"), settings);

    X509Certificate cert = plan.certificate().certificate();
    assertThat(plan.issuedBecause()).isPresent();
    assertThat(Certificates.isSignedBy(cert, ca.current().certificate())).isTrue();
    assertThat(Certificates.dnsNames(cert)).containsExactlyInAnyOrderElementsOf(NAMES);
    assertThat(Certificates.ipAddresses(cert)).containsExactly("10.0.0.7");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(plan.notAfter()).isEqualTo(clock.instant().plus(Duration.ofHours(2160)));
    assertThat(plan.renewalTime()).isEqualTo(plan.notAfter().minus(Duration.ofHours(720)));
  }

  @Test
  void validCertificateIsKeptUntilItsRenewalTimeThenReissued() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    IssuedCertificate first = authority.ensureServer(Optional.empty(), ca, NAMES, List.of(), settings).certificate();

    clock.advance(Duration.ofHours(2160 - 720 - 1));
    ServerCertificatePlan kept = authority.ensureServer(Optional.of(first), ca, NAMES, List.of(), settings);
    clock.advance(Duration.ofHours(2));
    ServerCertificatePlan renewed = authority.ensureServer(Optional.of(first), ca, NAMES, List.of(), settings);

    assertThat(kept.certificate()).isSameAs(first);
    assertThat(kept.issuedBecause()).isEmpty();
    assertThat(renewed.certificate().certificate()).isNotEqualTo(first.certificate());
    assertThat(renewed.issuedBecause()).hasValueSatisfying(r -> assertThat(r).contains("renewal"));
  }

  @Test
  void changedNamesOrKeyAlgorithmReissueTheCertificate() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    IssuedCertificate first = authority.ensureServer(Optional.empty(), ca, NAMES, List.of(), settings).certificate();

    var moreNames = authority.ensureServer(Optional.of(first), ca, List.of("reg", "registry.example.com"), List.of(),
        settings);
    CertificateSettings rsa = new CertificateSettings(settings.caValidity(), settings.caRenewBefore(),
        settings.serverValidity(), settings.serverRenewBefore(), KeyType.RSA);
    var rsaPlan = authority.ensureServer(Optional.of(first), ca, NAMES, List.of(), rsa);

    assertThat(moreNames.issuedBecause()).hasValueSatisfying(r -> assertThat(r).contains("names"));
    assertThat(rsaPlan.issuedBecause()).hasValueSatisfying(r -> assertThat(r).contains("RSA"));
    assertThat(rsaPlan.certificate().certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(Certificates.isSignedBy(rsaPlan.certificate().certificate(), ca.current().certificate())).isTrue();
  }

  @Test
  void certificateFromAnotherCaIsReplaced() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    CaBundle stranger = authority.ensureCa(Optional.empty(), Optional.empty(), "other CA", settings);
    IssuedCertificate foreign =
        authority.ensureServer(Optional.empty(), stranger, NAMES, List.of(), settings).certificate();

    var plan = authority.ensureServer(Optional.of(foreign), ca, NAMES, List.of(), settings);

    assertThat(plan.issuedBecause()).hasValueSatisfying(r -> assertThat(r).contains("not signed"));
  }

  @Test
  void rotatedCaKeepsTheOldOneOnlyWhileTheServedCertificateStillNeedsIt() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    X509Certificate oldCa = ca.current().certificate();
    clock.advance(Duration.ofDays(3650 - 365 - 30));
    IssuedCertificate served = authority.ensureServer(Optional.empty(), ca, NAMES, List.of(), settings).certificate();
    clock.advance(Duration.ofDays(31));

    CaBundle rotated = authority.ensureCa(Optional.of(ca), Optional.of(served.certificate()), "test CA", settings);
    CaBundle again = authority.ensureCa(Optional.of(rotated), Optional.of(served.certificate()), "test CA", settings);
    IssuedCertificate reissued = authority.ensureServer(Optional.of(served), rotated, NAMES, List.of(),
        settings).certificate();
    clock.advance(Duration.ofDays(60));
    IssuedCertificate renewed = authority.ensureServer(Optional.of(reissued), rotated, NAMES, List.of(),
        settings).certificate();
    CaBundle settled = authority.ensureCa(Optional.of(rotated), Optional.of(renewed.certificate()), "test CA",
        settings);

    assertThat(rotated.current().certificate()).isNotEqualTo(oldCa);
    assertThat(rotated.trusted()).containsExactly(rotated.current().certificate(), oldCa);
    assertThat(again).isEqualTo(rotated);
    assertThat(reissued).as("the served certificate is not re-issued just because the CA rotated")
        .isSameAs(served);
    assertThat(Certificates.isSignedBy(renewed.certificate(), rotated.current().certificate())).isTrue();
    assertThat(settled.trusted()).containsExactly(rotated.current().certificate());
  }

  @Test
  void serverCertificateNeverOutlivesItsCa() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);
    clock.advance(Duration.ofDays(3640));

    ServerCertificatePlan plan = authority.ensureServer(Optional.empty(), ca, NAMES, List.of(), settings);

    assertThat(plan.notAfter()).isEqualTo(ca.current().certificate().getNotAfter().toInstant());
  }

  @Test
  void caBundleSurvivesARoundTripThroughSecretData() {
    CaBundle ca = authority.ensureCa(Optional.empty(), Optional.empty(), "test CA", settings);

    Optional<CaBundle> read = CaBundle.fromSecretData(ca.secretData());

    assertThat(read).isPresent();
    assertThat(read.get().current().certificate()).isEqualTo(ca.current().certificate());
    assertThat(CaBundle.fromSecretData(java.util.Map.of("ca.crt", "garbage"))).isEmpty();
  }
}
