package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.certs.CaBundle;
import dev.berth.operator.certs.ServerCertificatePlan;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.model.CertificateModels;
import dev.berth.operator.model.SecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;

/** The server certificate (kubernetes.io/tls with ca.crt), re-issued only when renewal is due or names change. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class TlsSecretDependent extends CrudDependent<Secret> {

  public TlsSecretDependent() {
    super(Secret.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.tlsSecret(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.tlsMode() == TlsMode.Generated;
  }

  @Override
  protected Secret build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    CaBundle ca = CaBundle.fromSecretData(SecretData.decode(
            secondary(context, Secret.class, RegistryNames.caSecret(registry))))
        .orElseThrow(() -> new IllegalStateException("CA Secret " + RegistryNames.caSecret(registry)
            + " is missing or unreadable"));
    Optional<String> clusterIp = secondary(context, Service.class, RegistryNames.service(registry))
        .map(s -> s.getSpec() != null ? s.getSpec().getClusterIP() : null);
    ServerCertificatePlan plan = CertificateModels.server(spec, ca, getSecondaryResource(registry, context),
        clusterIp, services(context).certificateAuthority());
    plan.issuedBecause().ifPresent(reason -> log.info("Issuing server certificate for Registry {}/{}: {}",
        RegistryNames.namespace(registry), RegistryNames.name(registry), reason));
    return CertificateModels.tlsSecret(registry, plan, ca);
  }
}
