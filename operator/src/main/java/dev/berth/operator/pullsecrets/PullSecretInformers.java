package dev.berth.operator.pullsecrets;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.PullSecretLabels;
import dev.berth.operator.model.PullSecretTargets;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.PrimaryToSecondaryMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caches the pull-secret pass reads instead of the API server: all Namespaces, all ServiceAccounts, and
 * the Secret and ConfigMap copies Berth made (by label). Their events wake every Registry whose selection
 * could include the object, so a new namespace or ServiceAccount is provisioned within seconds.
 */
public final class PullSecretInformers {
  private InformerEventSource<Namespace, Registry> namespaces;
  private InformerEventSource<ServiceAccount, Registry> serviceAccounts;
  private InformerEventSource<Secret, Registry> secrets;
  private InformerEventSource<ConfigMap, Registry> configMaps;

  public List<EventSource<?, Registry>> create(EventSourceContext<Registry> context) {
    var registries = context.getPrimaryCache();
    SecondaryToPrimaryMapper<Namespace> byNamespace = ns -> concerned(registries.list(), ns.getMetadata().getName());
    SecondaryToPrimaryMapper<ServiceAccount> byAccount =
        sa -> concerned(registries.list(), sa.getMetadata().getNamespace());
    namespaces = new InformerEventSource<>(config(Namespace.class, "pull-secret-namespaces", byNamespace, null),
        context);
    serviceAccounts = new InformerEventSource<>(
        config(ServiceAccount.class, "pull-secret-service-accounts", byAccount, null), context);
    secrets = new InformerEventSource<>(config(Secret.class, "pull-secret-copies", PullSecretInformers::owner,
        PullSecretLabels.SELECTOR), context);
    configMaps = new InformerEventSource<>(config(ConfigMap.class, "pull-secret-ca-copies",
        PullSecretInformers::owner, PullSecretLabels.SELECTOR), context);
    return List.of(namespaces, serviceAccounts, secrets, configMaps);
  }

  InformerEventSource<Namespace, Registry> namespaces() {
    return namespaces;
  }

  InformerEventSource<ServiceAccount, Registry> serviceAccounts() {
    return serviceAccounts;
  }

  InformerEventSource<Secret, Registry> secrets() {
    return secrets;
  }

  InformerEventSource<ConfigMap, Registry> configMaps() {
    return configMaps;
  }

  private static Set<ResourceID> concerned(java.util.stream.Stream<Registry> registries, String namespace) {
    return registries.filter(r -> PullSecretTargets.mayConcern(r, namespace)).map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  /** A copy's labels name its Registry, since owner references cannot cross namespaces. */
  private static Set<ResourceID> owner(HasMetadata copy) {
    Map<String, String> labels = copy.getMetadata().getLabels();
    if (!PullSecretLabels.madeByBerth(copy)) {
      return Set.of();
    }
    return Set.of(new ResourceID(labels.get(PullSecretLabels.REGISTRY), labels.get(PullSecretLabels.REGISTRY_NAMESPACE)));
  }

  private static <R extends HasMetadata> InformerEventSourceConfiguration<R> config(Class<R> type, String name,
      SecondaryToPrimaryMapper<R> mapper, String labelSelector) {
    // No primary-to-secondary index: the pass reads the caches directly, and an index of 3,000 ServiceAccounts
    // per Registry would only cost memory.
    PrimaryToSecondaryMapper<Registry> none = registry -> Set.of();
    var builder = InformerEventSourceConfiguration.from(type, Registry.class).withName(name)
        .withSecondaryToPrimaryMapper(mapper).withPrimaryToSecondaryMapper(none).withWatchAllNamespaces();
    if (labelSelector != null) {
      builder.withLabelSelector(labelSelector);
    }
    return builder.build();
  }
}
