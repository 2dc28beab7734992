package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.AuthSpec;
import dev.berth.operator.crd.PvcStorage;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.S3Storage;
import dev.berth.operator.crd.ServiceSpec;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsMode;
import dev.berth.operator.crd.TlsSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadModelsTest {

  @Test
  void deploymentRunsNonRootOnAReadOnlyRootWithProbesOnTheDebugPort() {
    Deployment deployment = DeploymentModel.desired(TestRegistries.effective(new RegistrySpec()), "h1");
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getImage()).isEqualTo(TestRegistries.IMAGE);
    assertThat(container.getArgs()).containsExactly("serve", "/etc/berth/config.yml");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/debug/health");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("debug");
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("debug");
    assertThat(container.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("REGISTRY_HTTP_SECRET");
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("demo-http-secret");
    });
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(PodTemplateHash.ANNOTATION, "h1");
    assertThat(pod.getServiceAccountName()).isEqualTo("demo-registry");
  }

  @Test
  void configCertificateAndHtpasswdArriveInOneProjectedVolumeWithoutSubPath() {
    Deployment deployment = DeploymentModel.desired(TestRegistries.effective(new RegistrySpec()), "h");
    var pod = deployment.getSpec().getTemplate().getSpec();

    Volume config = pod.getVolumes().stream().filter(v -> v.getName().equals("config")).findFirst().orElseThrow();
    assertThat(config.getProjected().getSources()).extracting(s -> s.getConfigMap() != null
        ? s.getConfigMap().getName() : s.getSecret().getName())
        .containsExactly("demo-config", "demo-tls", "demo-htpasswd");
    assertThat(pod.getContainers().get(0).getVolumeMounts()).allSatisfy(m -> assertThat(m.getSubPath()).isNull());
    assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(VolumeMount::getMountPath)
        .containsExactly("/etc/berth", "/var/lib/registry", "/tmp");
  }

  @Test
  void singleWriterClaimMeansRecreateAndSharedStorageMeansRolling() {
    RegistrySpec rwx = new RegistrySpec();
    rwx.storage = new StorageSpec();
    rwx.storage.pvc = new PvcStorage();
    rwx.storage.pvc.accessModes = List.of("ReadWriteMany");
    RegistrySpec s3 = new RegistrySpec();
    s3.storage = new StorageSpec();
    s3.storage.s3 = new S3Storage();
    s3.storage.s3.bucket = "b";
    s3.storage.s3.region = "r";
    s3.storage.s3.credentialsSecret = "s3-keys";

    assertThat(strategy(new RegistrySpec())).isEqualTo("Recreate");
    assertThat(strategy(rwx)).isEqualTo("RollingUpdate");
    assertThat(strategy(s3)).isEqualTo("RollingUpdate");
    Deployment onS3 = DeploymentModel.desired(TestRegistries.effective(s3), "h");
    Container container = onS3.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getEnv()).extracting(e -> e.getName())
        .contains("REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY");
    assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath).doesNotContain("/var/lib/registry");
  }

  @Test
  void userSecretsAreMountedInSecretModesAndNothingWithoutTlsOrAuth() {
    RegistrySpec user = new RegistrySpec();
    user.tls = new TlsSpec();
    user.tls.mode = TlsMode.Secret;
    user.tls.secretName = "corp-cert";
    user.auth = new AuthSpec();
    user.auth.mode = AuthMode.Secret;
    user.auth.htpasswdSecret = "corp-users";
    RegistrySpec open = new RegistrySpec();
    open.tls = new TlsSpec();
    open.tls.mode = TlsMode.Disabled;
    open.auth = new AuthSpec();
    open.auth.mode = AuthMode.None;

    assertThat(projectedNames(user)).containsExactly("demo-config", "corp-cert", "corp-users");
    assertThat(projectedNames(open)).containsExactly("demo-config");
  }

  @Test
  void claimAsksForTheSpecSizeClassAndModes() {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.pvc = new PvcStorage();
    spec.storage.pvc.size = "50Gi";
    spec.storage.pvc.storageClassName = "fast";

    PersistentVolumeClaim claim = SimpleModels.pvc(TestRegistries.effective(spec));
    PersistentVolumeClaim defaults = SimpleModels.pvc(TestRegistries.effective(new RegistrySpec()));

    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("50Gi");
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(defaults.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
    assertThat(defaults.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(defaults.getSpec().getStorageClassName()).as("left for the cluster default").isNull();
  }

  @Test
  void serviceSelectsThePodsAndNeverSetsServerAssignedFields() {
    RegistrySpec spec = new RegistrySpec();
    spec.service = new ServiceSpec();
    spec.service.type = ServiceSpec.ServiceType.LoadBalancer;
    spec.service.port = 443;
    spec.service.annotations = Map.of("lb.example/internal", "true");

    Service service = SimpleModels.service(TestRegistries.effective(spec));

    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(443);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("registry");
    assertThat(service.getSpec().getPorts().get(0).getNodePort()).isNull();
    assertThat(service.getSpec().getClusterIP()).isNull();
    assertThat(service.getSpec().getSelector()).isEqualTo(Labels.selector(TestRegistries.registry(spec)));
    assertThat(service.getMetadata().getAnnotations()).containsEntry("lb.example/internal", "true");
  }

  @Test
  void disruptionBudgetAllowsOneReplicaDown() {
    var pdb = SimpleModels.podDisruptionBudget(TestRegistries.registry(new RegistrySpec()));

    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(TestRegistries.registry(new RegistrySpec())));
  }

  @Test
  void serviceAccountDoesNotMountAnApiToken() {
    assertThat(SimpleModels.serviceAccount(TestRegistries.registry(new RegistrySpec()))
        .getAutomountServiceAccountToken()).isFalse();
  }

  private static String strategy(RegistrySpec spec) {
    return DeploymentModel.desired(TestRegistries.effective(spec), "h").getSpec().getStrategy().getType();
  }

  private static List<String> projectedNames(RegistrySpec spec) {
    Deployment deployment = DeploymentModel.desired(TestRegistries.effective(spec), "h");
    return deployment.getSpec().getTemplate().getSpec().getVolumes().get(0).getProjected().getSources().stream()
        .map(s -> s.getConfigMap() != null ? s.getConfigMap().getName() : s.getSecret().getName()).toList();
  }
}
