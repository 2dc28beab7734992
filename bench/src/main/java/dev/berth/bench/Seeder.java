package dev.berth.bench;

import dev.berth.bench.load.Budget;
import dev.berth.bench.load.LoadRunner;
import dev.berth.bench.load.Operation;
import dev.berth.bench.load.PhaseFailedException;
import dev.berth.bench.registry.Blob;
import dev.berth.bench.registry.ImageManifest;
import dev.berth.bench.registry.RegistryClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts the content the read rows need into one server, untimed: the base image, one blob per size to pull, a
 * repository with the listing's tags, and the catalog's repositories (each a config-only image mounted from the
 * base repository).
 */
final class Seeder {
  private static final Duration NO_TIME_BOX = Duration.ofMinutes(10);

  private final Plan plan;
  private final Fixtures fixtures;
  private final LoadRunner runner;

  Seeder(Plan plan, Fixtures fixtures, LoadRunner runner) {
    this.plan = plan;
    this.fixtures = fixtures;
    this.runner = runner;
  }

  void seed(List<RegistryClient> clients) throws IOException, PhaseFailedException {
    RegistryClient client = clients.get(0);
    Image base = fixtures.base();
    for (Blob blob : base.blobs()) {
      client.pushMonolithic(Workload.MANIFESTS, blob);
    }
    client.putManifest(Workload.MANIFESTS, Workload.LATEST, base.manifest());
    for (Blob blob : fixtures.pullBlobs().values()) {
      client.pushMonolithic(Workload.PULL, blob);
    }
    for (Blob blob : base.blobs()) {
      client.mountOrPush(Workload.TAGS, blob, Workload.MANIFESTS);
    }
    inParallel(clients, plan.tags(), (worker, t) -> {
      worker.putManifest(Workload.TAGS, tagName(t), base.manifest());
      return 0;
    });
    ImageManifest configOnly = ImageManifest.of(base.config(), List.of(), 0);
    inParallel(clients, plan.repositories(), (worker, t) -> {
      String repository = catalogRepository(t);
      worker.mountOrPush(repository, base.config(), Workload.MANIFESTS);
      worker.putManifest(repository, Workload.LATEST, configOnly);
      return 0;
    });
  }

  static String tagName(int index) {
    return String.format(Locale.ROOT, "tag-%05d", index);
  }

  static String catalogRepository(int index) {
    return String.format(Locale.ROOT, "%s%05d", Workload.CATALOG_PREFIX, index);
  }

  private void inParallel(List<RegistryClient> clients, int count, Operation operation)
      throws PhaseFailedException {
    runner.timeBoxed(clients, Math.min(clients.size(), count), operation, new Budget(count, count, NO_TIME_BOX),
        new AtomicInteger());
  }
}
