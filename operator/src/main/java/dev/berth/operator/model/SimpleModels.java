package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;

/**
 * The small desired objects: ServiceAccount, ConfigMap, PVC, Service and PodDisruptionBudget. None sets a
 * field the API server fills in (clusterIP, nodePort, volumeName, ...), so desired and actual settle.
 */
public final class SimpleModels {
  private SimpleModels() {
  }

  /** The registry needs no API access, so its token is not mounted. */
  public static ServiceAccount serviceAccount(Registry registry) {
    return new ServiceAccountBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.serviceAccount(registry), "registry"))
        .withAutomountServiceAccountToken(false)
        .build();
  }

  public static ConfigMap configMap(EffectiveSpec spec) {
    Registry registry = spec.registry();
    return new ConfigMapBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.configMap(registry), "config"))
        .withData(Map.of(PodLayout.CONFIG_FILE_NAME, RegistryConfigModel.render(spec, GeneratedUsers.DEFAULT)))
        .build();
  }

  public static PersistentVolumeClaim pvc(EffectiveSpec spec) {
    Registry registry = spec.registry();
    return new PersistentVolumeClaimBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.pvc(registry), "storage"))
        .withNewSpec()
        .withAccessModes(spec.accessModes())
        .withStorageClassName(spec.pvc().storageClassName)
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity(spec.pvcSize())))
        .endResources()
        .endSpec()
        .build();
  }

  public static Service service(EffectiveSpec spec) {
    Registry registry = spec.registry();
    Service service = new ServiceBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.service(registry), "registry"))
        .withNewSpec()
        .withType(spec.serviceType().name())
        .withSelector(Labels.selector(registry))
        .addNewPort()
        .withName(PodLayout.REGISTRY_PORT_NAME)
        .withProtocol("TCP")
        .withPort(spec.servicePort())
        .withTargetPort(new IntOrString(PodLayout.REGISTRY_PORT_NAME))
        .endPort()
        .endSpec()
        .build();
    if (!spec.serviceAnnotations().isEmpty()) {
      service.getMetadata().setAnnotations(new java.util.LinkedHashMap<>(spec.serviceAnnotations()));
    }
    return service;
  }

  /** Only made when replicas > 1: a single replica cannot survive a drain anyway, and a PDB would block it. */
  public static PodDisruptionBudget podDisruptionBudget(Registry registry) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.podDisruptionBudget(registry), "registry"))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(Labels.selector(registry))
        .endSelector()
        .endSpec()
        .build();
  }
}
