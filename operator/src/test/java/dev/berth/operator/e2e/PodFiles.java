package dev.berth.operator.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the kubelet for the registry container of a Deployment: writes every mounted ConfigMap and Secret item
 * under a root directory at the path the pod would see, creates the emptyDir mounts, and resolves the
 * container's environment from Secrets. Paths inside the pod become {@code root + path}.
 */
final class PodFiles {
  private final KubernetesClient client;
  private final String namespace;
  private final Path root;

  PodFiles(KubernetesClient client, String namespace, Path root) {
    this.client = client;
    this.namespace = namespace;
    this.root = root;
  }

  Path inPod(String podPath) {
    return root.resolve(podPath.substring(1));
  }

  /** Lays out the container's mounts; returns its environment. */
  Map<String, String> layOut(Deployment deployment) throws IOException {
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    for (VolumeMount mount : container.getVolumeMounts()) {
      if (mount.getSubPath() != null) {
        throw new IllegalStateException("subPath mounts never see renewed files: " + mount);
      }
      Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no volume " + mount.getName()));
      Path target = inPod(mount.getMountPath());
      Files.createDirectories(target);
      if (volume.getProjected() != null) {
        for (VolumeProjection source : volume.getProjected().getSources()) {
          project(source, target);
        }
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      var ref = var.getValueFrom().getSecretKeyRef();
      env.put(var.getName(), secretData(ref.getName()).get(ref.getKey()));
    }
    return env;
  }

  private void project(VolumeProjection source, Path target) throws IOException {
    if (source.getConfigMap() != null) {
      ConfigMap map = client.configMaps().inNamespace(namespace).withName(source.getConfigMap().getName()).get();
      write(map.getData(), source.getConfigMap().getItems(), target);
    } else if (source.getSecret() != null) {
      write(secretData(source.getSecret().getName()), source.getSecret().getItems(), target);
    }
  }

  private Map<String, String> secretData(String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    Map<String, String> plain = new LinkedHashMap<>();
    secret.getData().forEach((k, v) -> plain.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return plain;
  }

  private static void write(Map<String, String> data, List<KeyToPath> items, Path target) throws IOException {
    for (KeyToPath item : items) {
      Path file = target.resolve(item.getPath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, data.get(item.getKey()));
    }
  }
}
