package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.DeploymentModel;
import dev.berth.operator.model.PodLayout;
import dev.berth.operator.model.PodTemplateHash;
import dev.berth.operator.model.SecretData;
import dev.berth.operator.model.StoredQuantities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry pods. Runs after every Secret and the ConfigMap, so its hash sees what they now hold. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class DeploymentDependent extends CrudDependent<Deployment> {

  public DeploymentDependent() {
    super(Deployment.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.deployment(registry);
  }

  @Override
  protected Deployment build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    return DeploymentModel.desired(spec, PodTemplateHash.of(mountedContent(registry, context)));
  }

  /** By amount for resource quantities, which the API server stores in canonical spelling. */
  @Override
  public Matcher.Result<Deployment> match(Deployment actual, Deployment desired, Registry primary,
      Context<Registry> context) {
    return super.match(actual, StoredQuantities.spelledAsStored(desired, actual), primary, context);
  }

  /** What the pods read, from the objects the workflow just reconciled. */
  private static Map<String, String> mountedContent(Registry registry, Context<Registry> context) {
    Map<String, String> inputs = new TreeMap<>();
    secondary(context, ConfigMap.class, RegistryNames.configMap(registry))
        .map(ConfigMap::getData)
        .ifPresent(data -> inputs.put("config/" + PodLayout.CONFIG_FILE_NAME, data.get(PodLayout.CONFIG_FILE_NAME)));
    put(inputs, context, RegistryNames.httpSecret(registry), PodLayout.HTTP_SECRET_KEY);
    put(inputs, context, RegistryNames.htpasswdSecret(registry), PodLayout.HTPASSWD_KEY);
    put(inputs, context, RegistryNames.tlsSecret(registry), PodLayout.TLS_CRT_KEY);
    put(inputs, context, RegistryNames.tlsSecret(registry), PodLayout.TLS_KEY_KEY);
    return inputs;
  }

  private static void put(Map<String, String> inputs, Context<Registry> context, String secretName, String key) {
    Optional<Secret> secret = secondary(context, Secret.class, secretName);
    SecretData.value(secret, key).ifPresent(value -> inputs.put(secretName + "/" + key, value));
  }
}
