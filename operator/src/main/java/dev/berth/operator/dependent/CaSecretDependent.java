package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.certs.CaBundle;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.model.CertificateModels;
import io.fabric8.kubernetes.api.model.Secret;

/** The registry's own CA: kept for years, rotated with old and new CA both trusted during the overlap. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class CaSecretDependent extends CrudDependent<Secret> {

  public CaSecretDependent() {
    super(Secret.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.caSecret(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.tlsMode() == TlsMode.Generated;
  }

  @Override
  protected Secret build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    CaBundle ca = CertificateModels.ca(spec, getSecondaryResource(registry, context),
        secondary(context, Secret.class, RegistryNames.tlsSecret(registry)), services(context).certificateAuthority());
    return CertificateModels.caSecret(registry, ca);
  }
}
