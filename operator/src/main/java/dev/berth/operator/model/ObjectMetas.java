package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Metadata for an object the operator creates: its name, the Registry's namespace, Berth's labels. */
final class ObjectMetas {
  private ObjectMetas() {
  }

  static ObjectMeta of(Registry registry, String name, String component) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(RegistryNames.namespace(registry))
        .withLabels(Labels.of(registry, component))
        .build();
  }
}
