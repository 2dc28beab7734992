package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SimpleModels;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Keeps all but one replica up during node drains; only when there is more than one. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PdbDependent extends CrudDependent<PodDisruptionBudget> {

  public PdbDependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.podDisruptionBudget(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.replicas() > 1;
  }

  @Override
  protected PodDisruptionBudget build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SimpleModels.podDisruptionBudget(registry);
  }
}
