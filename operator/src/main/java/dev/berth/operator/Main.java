package dev.berth.operator;

import dev.berth.operator.certs.BouncyCastleIssuer;
import dev.berth.operator.dependent.OperatorServices;
import dev.berth.operator.secrets.RandomSecretGenerator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar berth-operator.jar}: finds the cluster the standard way (in-cluster service account,
 * else KUBECONFIG or ~/.kube/config), watches all namespaces unless told otherwise, and competes for a
 * leader lease so several replicas can run.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  private Main() {
  }

  public static void main(String[] args) throws IOException {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.from(System.getenv(), podNamespace(), OperatorInfo.defaultRegistryImage());
    } catch (IllegalArgumentException e) {
      LOG.error("Cannot start: {}", e.getMessage());
      System.exit(2);
      return;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    AtomicBoolean leading = new AtomicBoolean(!settings.leaderElection());
    Optional<LeaderElectionConfiguration> leaderElection = leaderElection(settings, client, leading);
    OperatorServices services = new OperatorServices(Clock.systemUTC(), new BouncyCastleIssuer(),
        new RandomSecretGenerator(), settings.defaultImage());
    Operator operator = BerthOperator.create(client, services, settings.watchNamespaces(), leaderElection,
        Metrics.NOOP);
    HealthServer health = new HealthServer(settings.healthPort(), () -> true,
        () -> operator.getRuntimeInfo().isStarted() && (!leading.get() || operator.getRuntimeInfo().allEventSourcesAreHealthy()))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.stop();
      health.close();
      client.close();
    }, "berth-operator-shutdown"));
    LOG.info("Berth operator {} starting: API server {}, namespaces {}, leader election {}, default image {}, "
            + "health on :{}", OperatorInfo.version(), client.getMasterUrl(),
        settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces(),
        leaderElection.map(l -> "on (lease " + l.getLeaseNamespace().orElse("?") + "/" + l.getLeaseName() + ")")
            .orElse("off"), settings.defaultImage(), health.port());
    try {
      operator.start();
    } catch (RuntimeException e) {
      LOG.error("Cannot start: {}", rootMessage(e));
      LOG.debug("start failed", e);
      System.exit(1);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }

  private static Optional<LeaderElectionConfiguration> leaderElection(OperatorSettings settings,
      KubernetesClient client, AtomicBoolean leading) {
    if (!settings.leaderElection()) {
      return Optional.empty();
    }
    String namespace = settings.leaseNamespace().orElse(client.getNamespace());
    if (namespace == null) {
      LOG.warn("Leader election off: cannot tell the operator's namespace (set BERTH_LEASE_NAMESPACE)");
      leading.set(true);
      return Optional.empty();
    }
    LeaderCallbacks callbacks = new LeaderCallbacks(
        () -> {
          leading.set(true);
          LOG.info("Became leader; reconciling Registries");
        },
        () -> {
          leading.set(false);
          LOG.info("Lost leadership");
        },
        leader -> LOG.info("Current leader: {}", leader));
    return Optional.of(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(OperatorSettings.LEASE_NAME)
        .withLeaseNamespace(namespace).withLeaderCallbacks(callbacks).build());
  }

  private static Optional<String> podNamespace() {
    try {
      return Files.exists(SERVICE_ACCOUNT_NAMESPACE)
          ? Optional.of(Files.readString(SERVICE_ACCOUNT_NAMESPACE).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
