package dev.berth.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Berth container registry: {@code kubectl apply} one and a secured registry appears in its namespace. */
@Group(Registry.GROUP)
@Version(Registry.VERSION)
@Kind("Registry")
@Plural("registries")
@ShortNames("reg")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Registry extends CustomResource<RegistrySpec, RegistryStatus> implements Namespaced {
  public static final String GROUP = "berth.dev";
  public static final String VERSION = "v1alpha1";

  @Override
  protected RegistrySpec initSpec() {
    return new RegistrySpec();
  }

  @Override
  protected RegistryStatus initStatus() {
    return new RegistryStatus();
  }
}
