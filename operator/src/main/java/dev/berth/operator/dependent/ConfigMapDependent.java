package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SimpleModels;
import io.fabric8.kubernetes.api.model.ConfigMap;

/** The registry's config.yml. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class ConfigMapDependent extends CrudDependent<ConfigMap> {

  public ConfigMapDependent() {
    super(ConfigMap.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.configMap(registry);
  }

  @Override
  protected ConfigMap build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SimpleModels.configMap(spec);
  }
}
