package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SimpleModels;
import io.fabric8.kubernetes.api.model.Service;

/** The Service in front of the registry; its ClusterIP goes into the certificate. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class ServiceDependent extends CrudDependent<Service> {

  public ServiceDependent() {
    super(Service.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.service(registry);
  }

  @Override
  protected Service build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return SimpleModels.service(spec);
  }
}
