package dev.berth.operator.model;

import dev.berth.operator.certs.CaBundle;
import dev.berth.operator.certs.CertificateAuthority;
import dev.berth.operator.certs.IssuedCertificate;
import dev.berth.operator.certs.Pem;
import dev.berth.operator.certs.ServerCertificatePlan;
import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CA Secret and the server TLS Secret, from what exists, the Service and the clock. */
public final class CertificateModels {
  public static final String TLS_TYPE = "kubernetes.io/tls";

  private CertificateModels() {
  }

  /** The CA to keep or rotate; {@code existingTls} tells which CA still vouches for the served certificate. */
  public static CaBundle ca(EffectiveSpec spec, Optional<Secret> existingCa, Optional<Secret> existingTls,
      CertificateAuthority authority) {
    Optional<X509Certificate> served = servedCertificate(existingTls).map(IssuedCertificate::certificate);
    String commonName = RegistryNames.name(spec.registry()) + "." + RegistryNames.namespace(spec.registry())
        + " registry CA";
    return authority.ensureCa(CaBundle.fromSecretData(SecretData.decode(existingCa)), served, commonName,
        spec.certificateSettings());
  }

  public static Secret caSecret(Registry registry, CaBundle ca) {
    return SecretModels.secret(registry, RegistryNames.caSecret(registry), "ca", ca.secretData());
  }

  /** The names the certificate must carry: the Service's DNS names and ClusterIP, then the spec's extras. */
  public static List<String> dnsNames(EffectiveSpec spec) {
    List<String> names = new ArrayList<>(RegistryNames.serviceDnsNames(spec.registry()));
    spec.extraDnsNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names;
  }

  public static List<String> ipAddresses(EffectiveSpec spec, Optional<String> clusterIp) {
    List<String> ips = new ArrayList<>();
    clusterIp.filter(ip -> !ip.isBlank() && !"None".equals(ip)).ifPresent(ips::add);
    spec.extraIpAddresses().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
    return ips;
  }

  public static ServerCertificatePlan server(EffectiveSpec spec, CaBundle ca, Optional<Secret> existingTls,
      Optional<String> clusterIp, CertificateAuthority authority) {
    return authority.ensureServer(servedCertificate(existingTls), ca, dnsNames(spec),
        ipAddresses(spec, clusterIp), spec.certificateSettings());
  }

  public static Secret tlsSecret(Registry registry, ServerCertificatePlan plan, CaBundle ca) {
    return new SecretBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.tlsSecret(registry), "tls"))
        .withType(TLS_TYPE)
        .withData(SecretData.encode(Map.of(
            PodLayout.TLS_CRT_KEY, plan.certificate().certificatePem(),
            PodLayout.TLS_KEY_KEY, plan.certificate().privateKeyPem(),
            PodLayout.CA_CRT_KEY, ca.trustBundlePem())))
        .build();
  }

  public static Optional<IssuedCertificate> servedCertificate(Optional<Secret> tlsSecret) {
    Map<String, String> data = SecretData.decode(tlsSecret);
    return Pem.pair(data.get(PodLayout.TLS_CRT_KEY), data.get(PodLayout.TLS_KEY_KEY));
  }
}
