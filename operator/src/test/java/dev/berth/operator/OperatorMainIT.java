package dev.berth.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistrySpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar berth-operator.jar} as a user runs it: it finds the API server through KUBECONFIG, takes
 * the leader lease, answers its health probes, and provisions a Registry.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class OperatorMainIT {
  private static final Pattern HEALTH_PORT = Pattern.compile("health on :(\\d+)");
  static KubernetesClient client;
  static KubernetesMockServer server;

  @TempDir
  Path work;
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void jarFindsTheClusterFromKubeconfigLeadsAnswersProbesAndProvisions() throws Exception {
    // JOSDK asks the API server whether it may use leases before electing; the mock server cannot answer that.
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewMetadata().endMetadata().withNewStatus()
            .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("*")
            .endResourceRule().withIncomplete(false).endStatus().build())
        .always();
    Path kubeconfig = work.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        contexts:
        - name: mock
          context:
            cluster: mock
            namespace: berth-system
        current-context: mock
        users: []
        """.formatted(client.getMasterUrl().toString()));
    Path log = work.resolve("operator.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("berth.operator.jar"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KUBERNETES_") || k.startsWith("BERTH_"));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("BERTH_HEALTH_PORT", "0");
    process = builder.start();

    int healthPort = await().atMost(Duration.ofSeconds(60)).until(() -> healthPort(log), p -> p > 0);
    assertThat(status(healthPort, "/healthz")).isEqualTo(200);
    awaitShowingLog(log, () -> client.leases().inNamespace("berth-system")
        .withName(OperatorSettings.LEASE_NAME).get() != null);
    awaitShowingLog(log, () -> status(healthPort, "/readyz") == 200);

    Registry registry = new Registry();
    registry.setMetadata(new ObjectMetaBuilder().withName("from-jar").withNamespace("team-z").build());
    registry.setSpec(new RegistrySpec());
    client.resource(registry).create();

    awaitShowingLog(log, () -> client.apps().deployments().inNamespace("team-z")
        .withName("from-jar-registry").get() != null);
    assertThat(Files.readString(log)).contains("Creating Deployment team-z/from-jar-registry");
  }

  private static void awaitShowingLog(Path log, java.util.concurrent.Callable<Boolean> condition) throws IOException {
    try {
      await().atMost(Duration.ofSeconds(60)).until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\noperator log:\n" + Files.readString(log), e);
    }
  }

  private static int healthPort(Path log) throws IOException {
    Matcher m = HEALTH_PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int status(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
