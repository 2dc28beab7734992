package dev.berth.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pull Secret and CA ConfigMap copied into target namespaces. The Secret's auths cover every name a
 * client may use for the registry, since container runtimes match credentials by exact host[:port].
 */
public final class PullSecretModels {
  public static final String DOCKER_CONFIG_JSON_TYPE = "kubernetes.io/dockerconfigjson";
  public static final String DOCKER_CONFIG_JSON_KEY = ".dockerconfigjson";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PullSecretModels() {
  }

  /** Every host[:port] the registry answers to: the Service's DNS names and ClusterIP with the port, and dnsNames. */
  public static List<String> hosts(Registry registry, int port, Optional<String> clusterIp, List<String> dnsNames) {
    LinkedHashSet<String> hosts = new LinkedHashSet<>();
    RegistryNames.serviceDnsNames(registry).forEach(n -> hosts.add(n + ":" + port));
    clusterIp.filter(ip -> !ip.isBlank() && !"None".equals(ip)).ifPresent(ip -> hosts.add(ip + ":" + port));
    for (String name : dnsNames) {
      hosts.add(name);
      hosts.add(name + ":" + port);
    }
    return new ArrayList<>(hosts);
  }

  /** A docker config.json with the same credentials for every host. */
  public static String dockerConfigJson(List<String> hosts, String username, String password) {
    String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> auths = new LinkedHashMap<>();
    for (String host : hosts) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("username", username);
      entry.put("password", password);
      entry.put("auth", auth);
      auths.put(host, entry);
    }
    try {
      return JSON.writeValueAsString(Map.of("auths", auths));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize docker config", e);
    }
  }

  public static Secret pullSecret(Registry registry, String namespace, String dockerConfigJson) {
    return new SecretBuilder()
        .withMetadata(metadata(registry, RegistryNames.pullSecret(registry), namespace))
        .withType(DOCKER_CONFIG_JSON_TYPE)
        .withData(SecretData.encode(Map.of(DOCKER_CONFIG_JSON_KEY, dockerConfigJson)))
        .build();
  }

  public static ConfigMap caConfigMap(Registry registry, String namespace, String caPem) {
    return new ConfigMapBuilder()
        .withMetadata(metadata(registry, RegistryNames.caConfigMap(registry), namespace))
        .withData(Map.of(PodLayout.CA_CRT_KEY, caPem))
        .build();
  }

  /** Whether {@code existing} already is {@code desired}: same content, and Berth's labels present. */
  public static boolean upToDate(Secret existing, Secret desired) {
    return Objects.equals(existing.getType(), desired.getType()) && Objects.equals(existing.getData(), desired.getData())
        && labelsPresent(existing, desired);
  }

  public static boolean upToDate(ConfigMap existing, ConfigMap desired) {
    return Objects.equals(existing.getData(), desired.getData()) && labelsPresent(existing, desired);
  }

  /** {@code desired} with what the API server needs to accept it as a replacement of {@code existing}. */
  public static <T extends HasMetadata> T replacing(T existing, T desired) {
    desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
    Map<String, String> labels = new LinkedHashMap<>();
    if (existing.getMetadata().getLabels() != null) {
      labels.putAll(existing.getMetadata().getLabels());
    }
    labels.putAll(desired.getMetadata().getLabels());
    desired.getMetadata().setLabels(labels);
    desired.getMetadata().setAnnotations(existing.getMetadata().getAnnotations());
    return desired;
  }

  private static boolean labelsPresent(HasMetadata existing, HasMetadata desired) {
    Map<String, String> labels = existing.getMetadata().getLabels();
    return labels != null && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet());
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta metadata(Registry registry, String name, String namespace) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(PullSecretLabels.of(registry))
        .build();
  }
}
