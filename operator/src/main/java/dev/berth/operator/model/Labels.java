package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels on everything the operator creates; the selector labels pick the registry's pods. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String APP = "berth-registry";
  public static final String OPERATOR = "berth-operator";
  /** The operator's informers watch only objects carrying this, so they never cache the whole cluster. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private Labels() {
  }

  public static Map<String, String> selector(Registry registry) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP);
    labels.put(INSTANCE, RegistryNames.name(registry));
    return labels;
  }

  public static Map<String, String> of(Registry registry, String component) {
    Map<String, String> labels = selector(registry);
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(COMPONENT, component);
    return labels;
  }
}
