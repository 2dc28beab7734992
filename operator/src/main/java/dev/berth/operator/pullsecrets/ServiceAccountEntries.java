package dev.berth.operator.pullsecrets;

import dev.berth.operator.model.ImagePullSecretPatches;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes Berth's one entry in a ServiceAccount's imagePullSecrets with resourceVersion-guarded JSON
 * patches ({@link ImagePullSecretPatches}). When someone else changed the ServiceAccount in between, the patch is rejected, the account is
 * read again and the decision remade, so other entries are never lost and Berth's is never doubled.
 */
final class ServiceAccountEntries {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountEntries.class);
  private static final int ATTEMPTS = 5;
  private final KubernetesClient client;
  private final RecentOperationCacheFiller<ServiceAccount> cache;

  /** {@code cache}: told about each patched account, so the next pass does not act on the old version. */
  ServiceAccountEntries(KubernetesClient client, RecentOperationCacheFiller<ServiceAccount> cache) {
    this.client = client;
    this.cache = cache;
  }

  /** Empty when the account names the Secret (or is gone), else why not. */
  Optional<String> ensurePresent(ServiceAccount account, String secretName) {
    return change(account, secretName, true);
  }

  Optional<String> ensureAbsent(ServiceAccount account, String secretName) {
    return change(account, secretName, false);
  }

  private Optional<String> change(ServiceAccount account, String secretName, boolean present) {
    ServiceAccount current = account;
    KubernetesClientException last = null;
    for (int attempt = 0; attempt < ATTEMPTS && current != null; attempt++) {
      OptionalInt index = ImagePullSecretPatches.indexOf(current, secretName);
      if (index.isPresent() == present) {
        return Optional.empty();
      }
      String patch = present ? ImagePullSecretPatches.add(current, secretName)
          : ImagePullSecretPatches.remove(current, index.getAsInt());
      try {
        LOG.info("{} {} in imagePullSecrets of ServiceAccount {}/{}", present ? "Adding" : "Removing", secretName,
            current.getMetadata().getNamespace(), current.getMetadata().getName());
        // Through resource(current): patching by name alone makes the client GET the object first.
        ServiceAccount patched = client.resource(current).patch(PatchContext.of(PatchType.JSON), patch);
        cache.handleRecentResourceUpdate(ResourceID.fromResource(patched), patched, current);
        return Optional.empty();
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          return Optional.empty();
        }
        if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
          return Optional.of(FailureReasons.of("ServiceAccount " + current.getMetadata().getName(), e));
        }
        // 409: someone else changed the account since it was read. Read it again and decide again.
        last = e;
        current = client.serviceAccounts().inNamespace(current.getMetadata().getNamespace())
            .withName(current.getMetadata().getName()).get();
      }
    }
    return current == null ? Optional.empty()
        : Optional.of(FailureReasons.of("ServiceAccount " + current.getMetadata().getName(), last));
  }
}
