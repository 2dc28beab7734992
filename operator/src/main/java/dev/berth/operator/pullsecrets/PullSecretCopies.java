package dev.berth.operator.pullsecrets;

import dev.berth.operator.model.PullSecretLabels;
import dev.berth.operator.model.PullSecretModels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Secret and ConfigMap copies in target namespaces equal to the model: reads the labelled caches,
 * writes only on a difference, and never overwrites an object of the same name that Berth did not make.
 */
final class PullSecretCopies {
  private static final Logger LOG = LoggerFactory.getLogger(PullSecretCopies.class);
  private final KubernetesClient client;
  private final PullSecretInformers informers;

  PullSecretCopies(KubernetesClient client, PullSecretInformers informers) {
    this.client = client;
    this.informers = informers;
  }

  /** Empty when the Secret is in place, else why not. */
  Optional<String> ensure(Secret desired) {
    return ensure(desired, informers.secrets(), PullSecretModels::upToDate, Secret.class);
  }

  Optional<String> ensure(ConfigMap desired) {
    return ensure(desired, informers.configMaps(), PullSecretModels::upToDate, ConfigMap.class);
  }

  void delete(HasMetadata copy) {
    if (!PullSecretLabels.madeByBerth(copy)) {
      return;
    }
    LOG.info("Deleting {} {}/{}: no longer a pull-secret target", copy.getKind(), copy.getMetadata().getNamespace(),
        copy.getMetadata().getName());
    try {
      client.resource(copy).withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }

  private <T extends HasMetadata> Optional<String> ensure(T desired, InformerEventSource<T, ?> cache,
      BiPredicate<T, T> upToDate, Class<T> type) {
    String what = type.getSimpleName() + " " + desired.getMetadata().getName();
    Optional<T> existing = cache.get(ResourceID.fromResource(desired));
    try {
      if (existing.isEmpty()) {
        return create(desired, cache, type, what);
      }
      Optional<String> conflict = PullSecretLabels.conflict(existing.get(), desired);
      if (conflict.isPresent()) {
        return Optional.of(what + " " + conflict.get());
      }
      if (!upToDate.test(existing.get(), desired)) {
        LOG.info("Updating {} in {}", what, desired.getMetadata().getNamespace());
        T updated = client.resource(PullSecretModels.replacing(existing.get(), desired)).update();
        cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, existing.get());
      }
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(FailureReasons.of(what, e));
    }
  }

  private <T extends HasMetadata> Optional<String> create(T desired, InformerEventSource<T, ?> cache, Class<T> type,
      String what) {
    try {
      LOG.info("Creating {} in {}", what, desired.getMetadata().getNamespace());
      T created = client.resource(desired).create();
      cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      T present = client.resources(type).inNamespace(desired.getMetadata().getNamespace())
          .withName(desired.getMetadata().getName()).get();
      Optional<String> conflict = present != null ? PullSecretLabels.conflict(present, desired) : Optional.empty();
      if (conflict.isPresent()) {
        return conflict.map(c -> what + " " + c);
      }
      // Ours but not yet in the cache: its watch event brings it, and the next pass compares it.
      return Optional.empty();
    }
  }
}
