package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SecretModels;
import io.fabric8.kubernetes.api.model.Secret;

/** The http.secret every replica shares; generated once. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class HttpSecretDependent extends CrudDependent<Secret> {

  public HttpSecretDependent() {
    super(Secret.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.httpSecret(registry);
  }

  @Override
  protected Secret build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SecretModels.httpSecret(registry, getSecondaryResource(registry, context), services(context).secrets());
  }
}
