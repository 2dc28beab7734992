package dev.berth.operator.reconciler;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.model.PullSecretLabels;
import dev.berth.operator.model.PullSecretModels;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SecretData;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures for pull secrets: namespaces, ServiceAccounts and what Berth put into them. */
final class PullSecretWorld {
  private final KubernetesClient client;

  PullSecretWorld(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes every Registry and waits until the operator's finalizer has cleaned up after each. */
  void deleteAllRegistries() {
    client.resources(Registry.class).inAnyNamespace().delete();
    PullSecretsIT.waitUp()
        .until(() -> client.resources(Registry.class).inAnyNamespace().list().getItems().isEmpty());
  }

  static Registry registry(String name, String namespace, PullSecretsSpec pull) {
    Registry registry = new Registry();
    registry.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    RegistrySpec spec = new RegistrySpec();
    spec.pullSecrets = pull;
    registry.setSpec(spec);
    return registry;
  }

  Namespace namespace(String name, Map<String, String> labels) {
    return client.resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .build()).create();
  }

  /** A namespace with a default ServiceAccount, as Kubernetes would make it. */
  Namespace namespaceWithDefaultAccount(String name, Map<String, String> labels) {
    Namespace namespace = namespace(name, labels);
    account(name, "default");
    return namespace;
  }

  ServiceAccount account(String namespace, String name, String... pullSecrets) {
    ServiceAccountBuilder builder = new ServiceAccountBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).endMetadata();
    for (String secret : pullSecrets) {
      builder.addNewImagePullSecret(secret);
    }
    return client.resource(builder.build()).create();
  }

  List<String> entries(String namespace, String account) {
    ServiceAccount sa = client.serviceAccounts().inNamespace(namespace).withName(account).get();
    return sa == null || sa.getImagePullSecrets() == null ? List.of()
        : sa.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
  }

  Secret pullSecret(Registry registry, String namespace) {
    return client.secrets().inNamespace(namespace).withName(RegistryNames.pullSecret(registry)).get();
  }

  ConfigMap caConfigMap(Registry registry, String namespace) {
    return client.configMaps().inNamespace(namespace).withName(RegistryNames.caConfigMap(registry)).get();
  }

  boolean provisioned(Registry registry, String namespace, String... accounts) {
    Secret secret = pullSecret(registry, namespace);
    if (secret == null || !PullSecretLabels.madeFor(secret, registry) || caConfigMap(registry, namespace) == null) {
      return false;
    }
    for (String account : accounts) {
      if (!entries(namespace, account).contains(RegistryNames.pullSecret(registry))) {
        return false;
      }
    }
    return true;
  }

  boolean nothingLeftIn(Registry registry, String namespace, String... accounts) {
    Secret secret = pullSecret(registry, namespace);
    if ((secret != null && PullSecretLabels.madeByBerth(secret)) || caConfigMap(registry, namespace) != null) {
      return false;
    }
    for (String account : accounts) {
      if (entries(namespace, account).contains(RegistryNames.pullSecret(registry))) {
        return false;
      }
    }
    return true;
  }

  String dockerConfig(Registry registry, String namespace) {
    return SecretData.value(Optional.ofNullable(pullSecret(registry, namespace)),
        PullSecretModels.DOCKER_CONFIG_JSON_KEY).orElse("");
  }

  Registry get(Registry registry) {
    return client.resource(registry).get();
  }

  void annotate(Namespace namespace, String key, String value) {
    client.namespaces().withName(namespace.getMetadata().getName()).edit(n -> {
      n.getMetadata().getAnnotations().put(key, value);
      return n;
    });
  }
}
