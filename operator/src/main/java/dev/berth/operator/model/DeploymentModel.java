package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registry Deployment: non-root, read-only root filesystem, probes on the unauthenticated debug listener,
 * Recreate with a single-writer claim (two pods must never share it), rolling otherwise.
 */
public final class DeploymentModel {
  public static final String CONTAINER = "registry";
  /** A fixed unprivileged id, so files on the claim keep one owner across image changes. */
  public static final long RUN_AS_USER = 65532L;

  private DeploymentModel() {
  }

  public static Deployment desired(EffectiveSpec spec, String podTemplateHash) {
    Registry registry = spec.registry();
    return new DeploymentBuilder()
        .withMetadata(ObjectMetas.of(registry, RegistryNames.deployment(registry), "registry"))
        .withNewSpec()
        .withReplicas(spec.replicas())
        .withNewSelector().withMatchLabels(Labels.selector(registry)).endSelector()
        .withStrategy(strategy(spec))
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(registry, "registry"))
        .withAnnotations(Map.of(PodTemplateHash.ANNOTATION, podTemplateHash))
        .endMetadata()
        .withSpec(podSpec(spec))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static DeploymentStrategy strategy(EffectiveSpec spec) {
    if (spec.needsRecreateStrategy()) {
      return new DeploymentStrategyBuilder().withType("Recreate").build();
    }
    return new DeploymentStrategyBuilder().withType("RollingUpdate")
        .withNewRollingUpdate().withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate().build();
  }

  private static PodSpec podSpec(EffectiveSpec spec) {
    RegistrySpec raw = spec.raw();
    return new PodSpecBuilder()
        .withServiceAccountName(RegistryNames.serviceAccount(spec.registry()))
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(RUN_AS_USER)
        .withRunAsGroup(RUN_AS_USER)
        .withFsGroup(RUN_AS_USER)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .withNodeSelector(raw.nodeSelector)
        .withTolerations(raw.tolerations)
        .withAffinity(raw.affinity)
        .withContainers(container(spec))
        .withVolumes(PodVolumes.volumes(spec))
        .build();
  }

  private static Container container(EffectiveSpec spec) {
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(spec.image())
        .withArgs("serve", PodLayout.CONFIG_FILE)
        .addNewPort().withName(PodLayout.REGISTRY_PORT_NAME).withContainerPort(PodLayout.REGISTRY_PORT)
        .withProtocol("TCP").endPort()
        .addNewPort().withName(PodLayout.DEBUG_PORT_NAME).withContainerPort(PodLayout.DEBUG_PORT)
        .withProtocol("TCP").endPort()
        .withEnv(env(spec))
        .withResources(spec.raw().resources)
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .endSecurityContext()
        .withReadinessProbe(probe(3))
        .withLivenessProbe(probe(6))
        .withVolumeMounts(mounts(spec))
        .build();
  }

  private static Probe probe(int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath(PodLayout.HEALTH_PATH).withPort(new IntOrString(PodLayout.DEBUG_PORT_NAME))
        .withScheme("HTTP").endHttpGet()
        .withPeriodSeconds(10)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  private static List<EnvVar> env(EffectiveSpec spec) {
    Registry registry = spec.registry();
    List<EnvVar> env = new ArrayList<>();
    env.add(secretEnv(PodLayout.HTTP_SECRET_ENV, RegistryNames.httpSecret(registry), PodLayout.HTTP_SECRET_KEY));
    if (spec.storageKind() == StorageKind.S3 && spec.s3().credentialsSecret != null) {
      String secret = spec.s3().credentialsSecret;
      env.add(secretEnv(PodLayout.S3_ACCESS_KEY_ENV, secret, PodLayout.S3_ACCESS_KEY_KEY));
      env.add(secretEnv(PodLayout.S3_SECRET_KEY_ENV, secret, PodLayout.S3_SECRET_KEY_KEY));
    }
    return env;
  }

  private static EnvVar secretEnv(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
        .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
  }

  private static List<VolumeMount> mounts(EffectiveSpec spec) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(new VolumeMountBuilder().withName(PodVolumes.CONFIG).withMountPath(PodLayout.CONFIG_DIR)
        .withReadOnly(true).build());
    if (spec.storageKind() != StorageKind.S3) {
      mounts.add(new VolumeMountBuilder().withName(PodVolumes.DATA).withMountPath(PodLayout.DATA_DIR).build());
    }
    mounts.add(new VolumeMountBuilder().withName(PodVolumes.TMP).withMountPath(PodLayout.TMP_DIR).build());
    return mounts;
  }
}
