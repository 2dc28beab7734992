package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.model.SecretData;
import dev.berth.operator.model.SecretModels;
import io.fabric8.kubernetes.api.model.Secret;

/** The htpasswd file for the generated users; hashes are kept while they verify. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class HtpasswdDependent extends CrudDependent<Secret> {

  public HtpasswdDependent() {
    super(Secret.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.htpasswdSecret(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.authMode() == AuthMode.Generated;
  }

  @Override
  protected Secret build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    var credentials = SecretData.decode(secondary(context, Secret.class, RegistryNames.credentialsSecret(registry)));
    return SecretModels.htpasswd(registry, credentials, getSecondaryResource(registry, context),
        services(context).secrets());
  }
}
