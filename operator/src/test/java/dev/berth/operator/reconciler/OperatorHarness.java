package dev.berth.operator.reconciler;

import dev.berth.operator.BerthOperator;
import dev.berth.operator.MutableClock;
import dev.berth.operator.certs.BouncyCastleIssuer;
import dev.berth.operator.dependent.OperatorServices;
import dev.berth.operator.secrets.RandomSecretGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real operator against the mock API server with its own client, which records every write it
 * sends (anything but GET), and counts finished reconciles. The test's own client is separate, so only
 * the operator's writes are counted.
 */
public final class OperatorHarness implements AutoCloseable {
  static final String DEFAULT_IMAGE = "ghcr.io/berth-dev/berth-registry:test";

  final MutableClock clock;
  final List<String> writes = new CopyOnWriteArrayList<>();
  final AtomicInteger reconciles = new AtomicInteger();
  /** Every request the operator sent, reads and watches included. */
  final AtomicInteger requests = new AtomicInteger();
  private final KubernetesClient operatorClient;
  private final Operator operator;

  public OperatorHarness(KubernetesClient testClient) {
    this(testClient, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** {@code start}: the operator's time; real clients (skopeo) need it to be now. */
  public OperatorHarness(KubernetesClient testClient, Instant start) {
    this.clock = new MutableClock(start);
    Interceptor recorder = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        requests.incrementAndGet();
        if (!"GET".equals(request.method())) {
          writes.add(request.method() + " " + request.uri().getPath());
        }
      }
    };
    operatorClient = new KubernetesClientBuilder().withConfig(testClient.getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("record-writes", recorder)).build();
    Metrics metrics = new Metrics() {
      @Override
      public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        reconciles.incrementAndGet();
      }
    };
    OperatorServices services =
        new OperatorServices(clock, new BouncyCastleIssuer(), new RandomSecretGenerator(), DEFAULT_IMAGE);
    operator = BerthOperator.create(operatorClient, services, Set.of(), Optional.empty(), metrics);
  }

  /**
   * Makes the operator reconcile {@code registry} now, by touching an annotation of its ConfigMap (which the
   * operator ignores), and waits until a reconcile has finished after the touch.
   */
  void reconcileNow(KubernetesClient testClient, dev.berth.operator.crd.Registry registry) {
    int before = reconciles.get();
    var configMap = testClient.configMaps().inNamespace(registry.getMetadata().getNamespace())
        .withName(dev.berth.operator.model.RegistryNames.configMap(registry));
    for (int attempt = 1; ; attempt++) {
      try {
        configMap.edit(cm -> {
          cm.getMetadata().getAnnotations().put("test.berth.dev/poke", String.valueOf(System.nanoTime()));
          return cm;
        });
        break;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> reconciles.get() > before);
  }

  /** Write requests the operator sent whose path contains {@code fragment}, e.g. "/secrets/". */
  List<String> writesTo(String fragment) {
    return writes.stream().filter(w -> w.contains(fragment)).toList();
  }

  public OperatorHarness start() {
    operator.start();
    return this;
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
  }
}
