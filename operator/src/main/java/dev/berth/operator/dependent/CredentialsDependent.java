package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.model.SecretModels;
import io.fabric8.kubernetes.api.model.Secret;

/** The generated push and pull-only users' names and passwords; generated once. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class CredentialsDependent extends CrudDependent<Secret> {

  public CredentialsDependent() {
    super(Secret.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.credentialsSecret(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.authMode() == AuthMode.Generated;
  }

  @Override
  protected Secret build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SecretModels.credentials(registry, getSecondaryResource(registry, context), services(context).secrets());
  }
}
