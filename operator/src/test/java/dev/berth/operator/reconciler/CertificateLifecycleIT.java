package dev.berth.operator.reconciler;

import static dev.berth.operator.reconciler.Registries.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.certs.Certificates;
import dev.berth.operator.certs.Pem;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.operator.model.Conditions;
import dev.berth.operator.model.PodTemplateHash;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewal and CA rotation, driven by the operator's clock, not by waiting. */
@EnableKubernetesMockClient(crud = true)
class CertificateLifecycleIT {
  static KubernetesClient client;
  private OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = new OperatorHarness(client).start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void serverCertificateIsRenewedBeforeItExpiresAndPodsRoll() {
    Registry registry = converge("renewing", new RegistrySpec());
    X509Certificate first = served(registry);
    String caBefore = data(RegistryNames.caSecret(registry), "ca.crt");
    String hashBefore = podTemplateHash(registry);

    harness.clock.advance(Duration.ofHours(2160 - 720 - 24));
    harness.reconcileNow(client, registry);
    assertThat(served(registry)).isEqualTo(first);

    harness.clock.advance(Duration.ofHours(48));
    harness.reconcileNow(client, registry);

    await().atMost(Duration.ofSeconds(30)).until(() -> !served(registry).equals(first));
    X509Certificate renewed = served(registry);
    assertThat(renewed.getNotAfter()).isAfter(first.getNotAfter());
    assertThat(data(RegistryNames.caSecret(registry), "ca.crt")).isEqualTo(caBefore);
    await().atMost(Duration.ofSeconds(30)).until(() -> !podTemplateHash(registry).equals(hashBefore));
    await().atMost(Duration.ofSeconds(30)).until(() -> Instant.parse(Registries.get(client, "renewing")
        .getStatus().certificate.notAfter).equals(renewed.getNotAfter().toInstant()));
  }

  @Test
  void rotatedCaStaysTrustedBesideTheNewOneUntilTheServerCertificateMovesToIt() {
    RegistrySpec spec = new RegistrySpec();
    spec.tls = new TlsSpec();
    spec.tls.duration = "8760h";
    Registry registry = converge("rotating", spec);
    X509Certificate oldCa = caBundle(registry).get(0);

    // Day 3000: the first server certificate is long expired and is re-issued by the still-current CA.
    harness.clock.advance(Duration.ofDays(3000));
    harness.reconcileNow(client, registry);
    await().atMost(Duration.ofSeconds(30)).until(() -> Certificates.isSignedBy(served(registry), oldCa)
        && served(registry).getNotAfter().toInstant().isAfter(harness.clock.instant()));
    X509Certificate servedBeforeRotation = served(registry);

    // Day 3290: the CA is within a year of expiry and rotates; the served certificate is not yet due.
    harness.clock.advance(Duration.ofDays(290));
    harness.reconcileNow(client, registry);
    await().atMost(Duration.ofSeconds(30)).until(() -> caBundle(registry).size() == 2);
    X509Certificate newCa = caBundle(registry).get(0);
    assertThat(newCa).isNotEqualTo(oldCa);
    assertThat(caBundle(registry).get(1)).isEqualTo(oldCa);
    assertThat(served(registry)).isEqualTo(servedBeforeRotation);
    await().atMost(Duration.ofSeconds(30)).until(() -> Pem.certificates(
        data(RegistryNames.tlsSecret(registry), "ca.crt")).size() == 2);

    // Day 3340: the served certificate renews, now from the new CA, and the old CA leaves the bundle.
    harness.clock.advance(Duration.ofDays(50));
    harness.reconcileNow(client, registry);
    await().atMost(Duration.ofSeconds(30)).until(() -> Certificates.isSignedBy(served(registry), newCa));
    harness.reconcileNow(client, registry);
    await().atMost(Duration.ofSeconds(30)).until(() -> caBundle(registry).equals(List.of(newCa)));
    await().atMost(Duration.ofSeconds(30)).until(() -> Pem.certificates(
        data(RegistryNames.tlsSecret(registry), "ca.crt")).equals(List.of(newCa)));
  }

  private Registry converge(String name, RegistrySpec spec) {
    Registry registry = client.resource(Registries.registry(name, spec)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().deployments().inNamespace(NAMESPACE)
        .withName(RegistryNames.deployment(registry)).get() != null);
    Registries.markDeploymentReady(client, registry);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> Registries.conditionIs(client, name, Conditions.READY, Conditions.TRUE));
    return Registries.get(client, name);
  }

  private X509Certificate served(Registry registry) {
    return Pem.certificates(data(RegistryNames.tlsSecret(registry), "tls.crt")).get(0);
  }

  private List<X509Certificate> caBundle(Registry registry) {
    return Pem.certificates(data(RegistryNames.caSecret(registry), "ca.crt"));
  }

  private String data(String secretName, String key) {
    Secret secret = client.secrets().inNamespace(NAMESPACE).withName(secretName).get();
    return SecretData.decode(Optional.ofNullable(secret)).get(key);
  }

  private String podTemplateHash(Registry registry) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(RegistryNames.deployment(registry)).get()
        .getSpec().getTemplate().getMetadata().getAnnotations().get(PodTemplateHash.ANNOTATION);
  }
}
