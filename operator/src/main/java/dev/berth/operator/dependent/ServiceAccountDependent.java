package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SimpleModels;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;

/**
 * The registry pods' ServiceAccount. Created, never updated: an update replaces the whole object, and
 * {@code imagePullSecrets} other tools (or Berth's pull-secret controller) added must survive.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class ServiceAccountDependent extends BerthDependent<ServiceAccount>
    implements Creator<ServiceAccount, Registry>, GarbageCollected<Registry> {

  public ServiceAccountDependent() {
    super(ServiceAccount.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.serviceAccount(registry);
  }

  @Override
  protected ServiceAccount build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SimpleModels.serviceAccount(registry);
  }
}
