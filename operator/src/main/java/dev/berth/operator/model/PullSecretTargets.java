package dev.berth.operator.model;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which namespaces and ServiceAccounts a Registry's pull Secret goes to: explicit names, selector matches and
 * the Registry's own namespace, minus opted-out and terminating namespaces and ServiceAccounts.
 */
public final class PullSecretTargets {
  public static final String DEFAULT_SERVICE_ACCOUNT = "default";

  private PullSecretTargets() {
  }

  public static boolean enabled(Registry registry) {
    return spec(registry) != null;
  }

  /** The target namespaces among {@code namespaces} (all that exist), sorted. */
  public static SortedSet<String> namespaces(Registry registry, Collection<Namespace> namespaces) {
    SortedSet<String> targets = new TreeSet<>();
    for (Namespace namespace : namespaces) {
      if (wants(registry, namespace) && !PullSecretLabels.optedOut(namespace) && !terminating(namespace)) {
        targets.add(namespace.getMetadata().getName());
      }
    }
    return targets;
  }

  /** Whether the selection includes {@code namespace}, ignoring opt-outs and termination. */
  static boolean wants(Registry registry, Namespace namespace) {
    PullSecretsSpec spec = spec(registry);
    if (spec == null) {
      return false;
    }
    String name = namespace.getMetadata().getName();
    return name.equals(RegistryNames.namespace(registry))
        || (spec.namespaces != null && spec.namespaces.contains(name))
        || LabelSelectors.matches(spec.namespaceSelector, namespace.getMetadata().getLabels());
  }

  /**
   * Whether a change to namespace {@code name} (labels, annotations, its ServiceAccounts) may concern the
   * Registry. Used by event mappers, so it errs towards yes: with a selector, every namespace might.
   */
  public static boolean mayConcern(Registry registry, String name) {
    PullSecretsSpec spec = spec(registry);
    return spec != null && (spec.namespaceSelector != null || name.equals(RegistryNames.namespace(registry))
        || (spec.namespaces != null && spec.namespaces.contains(name)));
  }

  /** Whether the ServiceAccount should name the pull Secret. */
  public static boolean selects(Registry registry, ServiceAccount account) {
    PullSecretsSpec spec = spec(registry);
    if (spec == null || PullSecretLabels.optedOut(account) || account.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    if (Boolean.TRUE.equals(spec.allServiceAccounts)) {
      return true;
    }
    List<String> names = spec.serviceAccounts != null && !spec.serviceAccounts.isEmpty() ? spec.serviceAccounts
        : List.of(DEFAULT_SERVICE_ACCOUNT);
    return names.contains(account.getMetadata().getName());
  }

  static boolean terminating(Namespace namespace) {
    return namespace.getMetadata().getDeletionTimestamp() != null
        || (namespace.getStatus() != null && "Terminating".equals(namespace.getStatus().getPhase()));
  }

  private static PullSecretsSpec spec(Registry registry) {
    return registry.getSpec() != null ? registry.getSpec().pullSecrets : null;
  }
}
