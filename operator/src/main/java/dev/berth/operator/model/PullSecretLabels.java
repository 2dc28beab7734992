package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels on the pull Secrets and CA ConfigMaps the operator puts into other namespaces. Owner references
 * cannot cross namespaces, so these labels are how the operator finds, and is allowed to change, its copies.
 * They deliberately differ from {@link Labels#MANAGED_SELECTOR}, so the Registry's own dependents' informers
 * never cache a thousand copies.
 */
public final class PullSecretLabels {
  public static final String REGISTRY = "berth.dev/registry";
  public static final String REGISTRY_NAMESPACE = "berth.dev/registry-namespace";
  /** Informer selector: every copy made for any Registry. */
  public static final String SELECTOR = REGISTRY;
  /** {@code "false"} on a namespace or ServiceAccount keeps the operator out of it. */
  public static final String OPT_OUT_ANNOTATION = "berth.dev/pull-secrets";

  private PullSecretLabels() {
  }

  public static Map<String, String> of(Registry registry) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(REGISTRY, RegistryNames.name(registry));
    labels.put(REGISTRY_NAMESPACE, RegistryNames.namespace(registry));
    return labels;
  }

  /** Whether Berth made this object (for any Registry): only such objects are ever overwritten or deleted. */
  public static boolean madeByBerth(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null && labels.containsKey(REGISTRY) && labels.containsKey(REGISTRY_NAMESPACE);
  }

  /** Whether Berth made this object for {@code registry}. */
  public static boolean madeFor(HasMetadata object, Registry registry) {
    return madeByBerth(object) && of(registry).entrySet().stream()
        .allMatch(e -> e.getValue().equals(object.getMetadata().getLabels().get(e.getKey())));
  }

  /** Whether both objects were made by Berth for the same Registry. */
  public static boolean sameRegistry(HasMetadata a, HasMetadata b) {
    return madeByBerth(a) && madeByBerth(b)
        && a.getMetadata().getLabels().get(REGISTRY).equals(b.getMetadata().getLabels().get(REGISTRY))
        && a.getMetadata().getLabels().get(REGISTRY_NAMESPACE).equals(b.getMetadata().getLabels().get(REGISTRY_NAMESPACE));
  }

  /** Why Berth must not overwrite {@code existing} with {@code desired}, if it must not. */
  public static java.util.Optional<String> conflict(HasMetadata existing, HasMetadata desired) {
    if (!madeByBerth(existing)) {
      return java.util.Optional.of("already exists and was not created by Berth; not overwriting it");
    }
    if (!sameRegistry(existing, desired)) {
      Map<String, String> labels = existing.getMetadata().getLabels();
      return java.util.Optional.of("already exists for Registry " + labels.get(REGISTRY_NAMESPACE) + "/"
          + labels.get(REGISTRY) + "; give one of them another pullSecrets.secretName");
    }
    return java.util.Optional.empty();
  }

  public static boolean optedOut(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations != null && "false".equalsIgnoreCase(annotations.get(OPT_OUT_ANNOTATION));
  }
}
