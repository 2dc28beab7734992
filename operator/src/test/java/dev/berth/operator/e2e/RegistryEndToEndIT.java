package dev.berth.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.EmptyDirStorage;
import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.ServiceSpec;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import dev.berth.operator.crd.StorageSpec;
import dev.berth.operator.crd.TlsSpec;
import dev.berth.operator.model.PodLayout;
import dev.berth.operator.model.PullSecretModels;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SecretData;
import dev.berth.operator.model.SecretModels;
import dev.berth.operator.reconciler.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole promise in one test: the objects the operator generated for a Registry, laid out as its pod sees
 * them, start the real registry; skopeo pushes with the generated push user and pulls with the generated
 * pull-only user, verifying TLS with nothing but the generated CA; the pull-only user cannot push. The pull
 * Secret and CA ConfigMap the operator put into another namespace pull the image as they are (skopeo's
 * --authfile and --cert-dir).
 */
@EnableKubernetesMockClient(crud = true)
class RegistryEndToEndIT {
  private static final String NAMESPACE = "apps";
  private static final String CONSUMER = "consumer";
  static KubernetesClient client;
  private OperatorHarness harness;

  @TempDir
  Path work;

  @BeforeEach
  void startOperator() {
    harness = new OperatorHarness(client, java.time.Instant.now()).start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @Test
  void generatedCredentialsAndCaPushAndPullAndThePullUserCannotPush() throws Exception {
    int port = RegistryJarProcess.freePort();
    for (String namespace : List.of(NAMESPACE, CONSUMER)) {
      client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    }
    Registry registry = client.resource(registry(port)).create();
    await().atMost(Duration.ofSeconds(60)).until(() -> deployment(registry) != null);
    await().atMost(Duration.ofSeconds(60)).until(() -> consumerCopy(registry, Secret.class) != null
        && consumerCopy(registry, ConfigMap.class) != null);
    Deployment deployment = deployment(registry);

    Path root = Files.createDirectories(work.resolve("pod"));
    PodFiles pod = new PodFiles(client, NAMESPACE, root);
    Map<String, String> env = pod.layOut(deployment);
    Path config = pod.inPod(PodLayout.CONFIG_FILE);
    // The pod's absolute paths, under the test's root directory.
    Files.writeString(config, Files.readString(config)
        .replace(PodLayout.CONFIG_DIR + "/", pod.inPod(PodLayout.CONFIG_DIR) + "/")
        .replace(PodLayout.DATA_DIR, pod.inPod(PodLayout.DATA_DIR).toString()));
    List<String> args = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().stream()
        .map(a -> a.startsWith("/") ? pod.inPod(a).toString() : a).toList();

    Map<String, String> credentials = SecretData.decode(Optional.ofNullable(client.secrets().inNamespace(NAMESPACE)
        .withName(RegistryNames.credentialsSecret(registry)).get()));
    Path certDir = Files.createDirectories(work.resolve("certs"));
    Files.writeString(certDir.resolve("ca.crt"), SecretData.decode(Optional.ofNullable(client.secrets()
        .inNamespace(NAMESPACE).withName(RegistryNames.caSecret(registry)).get())).get("ca.crt"));
    String push = credentials.get(SecretModels.PUSH_USERNAME) + ":" + credentials.get(SecretModels.PUSH_PASSWORD);
    String pull = credentials.get(SecretModels.PULL_USERNAME) + ":" + credentials.get(SecretModels.PULL_PASSWORD);
    Path image = work.resolve("image");
    String digest = TestImage.write(image, "v1", "hello from berth\n");

    try (RegistryJarProcess server = RegistryJarProcess.start(args, env, work, port)) {
      String target = "docker://127.0.0.1:" + server.port + "/team/app:v1";

      Skopeo.Result pushed = Skopeo.copy("oci:" + image + ":v1", target,
          "--dest-cert-dir", certDir.toString(), "--dest-creds", push);
      assertThat(pushed.succeeded()).as(pushed.output() + "\n" + server.logText()).isTrue();

      Path pulled = work.resolve("pulled");
      Skopeo.Result fetched = Skopeo.copy(target, "oci:" + pulled + ":v1",
          "--src-cert-dir", certDir.toString(), "--src-creds", pull);
      assertThat(fetched.succeeded()).as(fetched.output()).isTrue();
      assertThat(Files.readString(pulled.resolve("index.json"))).contains(digest);

      Skopeo.Result refused = Skopeo.copy("oci:" + image + ":v1", "docker://127.0.0.1:" + server.port
          + "/team/app:v2", "--dest-cert-dir", certDir.toString(), "--dest-creds", pull);
      assertThat(refused.succeeded()).as("the pull-only user must not push").isFalse();
      assertThat(refused.output().toLowerCase()).containsAnyOf("denied", "unauthorized");

      pullsWithWhatTheOperatorPutIntoTheConsumerNamespace(registry, port, digest);

      Skopeo.Result untrusted = Skopeo.copy(target, "oci:" + work.resolve("untrusted") + ":v1",
          "--src-cert-dir", Files.createDirectories(work.resolve("no-certs")).toString(), "--src-creds", pull);
      assertThat(untrusted.succeeded()).as("without the generated CA, TLS verification fails").isFalse();
    }
  }

  private void pullsWithWhatTheOperatorPutIntoTheConsumerNamespace(Registry registry, int port, String digest)
      throws Exception {
    Path authFile = work.resolve("consumer-auth.json");
    Files.writeString(authFile, SecretData.decode(Optional.of(consumerCopy(registry, Secret.class)))
        .get(PullSecretModels.DOCKER_CONFIG_JSON_KEY));
    Path consumerCerts = Files.createDirectories(work.resolve("consumer-certs"));
    Files.writeString(consumerCerts.resolve("ca.crt"),
        consumerCopy(registry, ConfigMap.class).getData().get(PodLayout.CA_CRT_KEY));
    Path pulled = work.resolve("consumer-pulled");

    Skopeo.Result fetched = Skopeo.copy("docker://localhost:" + port + "/team/app:v1", "oci:" + pulled + ":v1",
        "--src-cert-dir", consumerCerts.toString(), "--src-authfile", authFile.toString());

    assertThat(fetched.succeeded()).as(fetched.output()).isTrue();
    assertThat(Files.readString(pulled.resolve("index.json"))).contains(digest);
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T consumerCopy(Registry registry,
      Class<T> type) {
    String name = type == Secret.class ? RegistryNames.pullSecret(registry) : RegistryNames.caConfigMap(registry);
    return client.resources(type).inNamespace(CONSUMER).withName(name).get();
  }

  /** The Service gets the port the test's registry process listens on, so the pull Secret's auths name it. */
  private static Registry registry(int port) {
    RegistrySpec spec = new RegistrySpec();
    spec.storage = new StorageSpec();
    spec.storage.emptyDir = new EmptyDirStorage();
    spec.tls = new TlsSpec();
    spec.tls.ipAddresses = List.of("127.0.0.1");
    spec.tls.dnsNames = List.of("localhost");
    spec.service = new ServiceSpec();
    spec.service.port = port;
    spec.pullSecrets = new PullSecretsSpec();
    spec.pullSecrets.namespaces = List.of(CONSUMER);
    Registry registry = new Registry();
    registry.setMetadata(new ObjectMetaBuilder().withName("e2e").withNamespace(NAMESPACE).build());
    registry.setSpec(spec);
    return registry;
  }

  private static Deployment deployment(Registry registry) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(RegistryNames.deployment(registry)).get();
  }
}
