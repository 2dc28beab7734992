package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Registries for model tests, with a spec the test fills in. */
final class TestRegistries {
  static final String IMAGE = "ghcr.io/berth-dev/berth-registry:1.2.3";

  private TestRegistries() {
  }

  static Registry registry(RegistrySpec spec) {
    Registry registry = new Registry();
    registry.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("tools").withUid("uid-1")
        .withGeneration(3L).build());
    registry.setSpec(spec);
    return registry;
  }

  static EffectiveSpec effective(RegistrySpec spec) {
    return new EffectiveSpec(registry(spec), IMAGE);
  }
}
