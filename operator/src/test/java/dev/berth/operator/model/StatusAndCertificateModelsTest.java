package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.MutableClock;
import dev.berth.operator.certs.BouncyCastleIssuer;
import dev.berth.operator.certs.CaBundle;
import dev.berth.operator.certs.CertificateAuthority;
import dev.berth.operator.certs.Certificates;
import dev.berth.operator.certs.ServerCertificatePlan;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.RegistryStatus;
import dev.berth.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusAndCertificateModelsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final CertificateAuthority authority = new CertificateAuthority(new BouncyCastleIssuer(), clock);

  @Test
  void tlsSecretIsKubernetesTlsWithTheCaBundleAndAllServiceNames() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.dnsNames = List.of("registry.example.com");
    spec.tls.ipAddresses = List.of("192.0.2.10");
    EffectiveSpec effective = TestRegistries.effective(spec);
    CaBundle ca = CertificateModels.ca(effective, Optional.empty(), Optional.empty(), authority);

    ServerCertificatePlan plan =
        CertificateModels.server(effective, ca, Optional.empty(), Optional.of("10.96.0.15"), authority);
    Secret tls = CertificateModels.tlsSecret(effective.registry(), plan, ca);

    assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(tls.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
    var cert = CertificateModels.servedCertificate(Optional.of(tls)).orElseThrow().certificate();
    assertThat(Certificates.dnsNames(cert)).containsExactlyInAnyOrder("demo", "demo.tools", "demo.tools.svc",
        "demo.tools.svc.cluster.local", "registry.example.com");
    assertThat(Certificates.ipAddresses(cert)).containsExactlyInAnyOrder("10.96.0.15", "192.0.2.10");
  }

  @Test
  void certificateIsKeptAcrossReconcilesAndReissuedWhenTheClusterIpAppears() {
    EffectiveSpec effective = TestRegistries.effective(new RegistrySpec());
    CaBundle ca = CertificateModels.ca(effective, Optional.empty(), Optional.empty(), authority);
    Secret caSecret = CertificateModels.caSecret(effective.registry(), ca);
    Secret first = CertificateModels.tlsSecret(effective.registry(),
        CertificateModels.server(effective, ca, Optional.empty(), Optional.empty(), authority), ca);

    CaBundle caAgain = CertificateModels.ca(effective, Optional.of(caSecret), Optional.of(first), authority);
    Secret again = CertificateModels.tlsSecret(effective.registry(),
        CertificateModels.server(effective, caAgain, Optional.of(first), Optional.empty(), authority), caAgain);
    ServerCertificatePlan withIp =
        CertificateModels.server(effective, caAgain, Optional.of(again), Optional.of("10.0.0.1"), authority);

    assertThat(CertificateModels.caSecret(effective.registry(), caAgain)).isEqualTo(caSecret);
    assertThat(again).isEqualTo(first);
    assertThat(withIp.issuedBecause()).isPresent();
  }

  @Test
  void readyOnlyWhenTheDeploymentRolledOutTheCurrentSpec() {
    EffectiveSpec effective = TestRegistries.effective(new RegistrySpec());

    RegistryStatus waiting = RegistryStatusAggregator.observed(effective, Optional.of(deployment(2L, 1L, 1)),
        Optional.empty(), clock.instant());
    RegistryStatus ready = RegistryStatusAggregator.observed(effective, Optional.of(deployment(2L, 2L, 1)),
        Optional.empty(), clock.instant());

    assertThat(condition(waiting, Conditions.READY).getStatus()).isEqualTo("False");
    assertThat(condition(waiting, Conditions.PROGRESSING).getStatus()).isEqualTo("True");
    assertThat(condition(ready, Conditions.READY).getStatus()).isEqualTo("True");
    assertThat(condition(ready, Conditions.DEGRADED).getStatus()).isEqualTo("False");
    assertThat(ready.observedGeneration).isEqualTo(3L);
    assertThat(ready.endpoint).isEqualTo("demo.tools.svc:5000");
    assertThat(ready.credentialsSecret).isEqualTo("demo-credentials");
    assertThat(ready.caSecret).isEqualTo("demo-ca");
  }

  @Test
  void transitionTimeMovesOnlyWhenAConditionFlips() {
    Registry registry = TestRegistries.registry(new RegistrySpec());
    EffectiveSpec effective = new EffectiveSpec(registry, TestRegistries.IMAGE);
    registry.setStatus(RegistryStatusAggregator.observed(effective, Optional.of(deployment(1L, 1L, 1)),
        Optional.empty(), clock.instant()));
    String readySince = condition(registry.getStatus(), Conditions.READY).getLastTransitionTime();

    clock.advance(Duration.ofMinutes(5));
    RegistryStatus same = RegistryStatusAggregator.observed(effective, Optional.of(deployment(1L, 1L, 1)),
        Optional.empty(), clock.instant());
    RegistryStatus broken = RegistryStatusAggregator.failed(registry, "boom", clock.instant());

    assertThat(same).isEqualTo(registry.getStatus());
    assertThat(condition(broken, Conditions.READY).getLastTransitionTime()).isNotEqualTo(readySince);
    assertThat(condition(broken, Conditions.DEGRADED).getMessage()).isEqualTo("boom");
    assertThat(broken.endpoint).as("still true while degraded").isEqualTo("demo.tools.svc:5000");
  }

  @Test
  void invalidSpecNamesEveryFieldInTheDegradedMessage() {
    Registry registry = TestRegistries.registry(new RegistrySpec());

    RegistryStatus status = RegistryStatusAggregator.invalid(registry,
        List.of(new SpecProblem("spec.a", "bad"), new SpecProblem("spec.b", "worse")), clock.instant());

    assertThat(condition(status, Conditions.DEGRADED).getMessage()).isEqualTo("spec.a: bad; spec.b: worse");
    assertThat(condition(status, Conditions.DEGRADED).getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(status, Conditions.READY).getStatus()).isEqualTo("False");
  }

  private static Deployment deployment(long generation, long observed, int ready) {
    return new DeploymentBuilder().withNewMetadata().withGeneration(generation).endMetadata()
        .withNewStatus().withObservedGeneration(observed).withReplicas(ready).withReadyReplicas(ready)
        .withUpdatedReplicas(ready).endStatus().build();
  }

  private static Condition condition(RegistryStatus status, String type) {
    return Conditions.find(status.conditions, type).orElseThrow();
  }
}
