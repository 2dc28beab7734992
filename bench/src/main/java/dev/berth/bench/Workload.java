package dev.berth.bench;

import dev.berth.bench.load.Budget;
import dev.berth.bench.load.Operation;
import dev.berth.bench.registry.Blob;
import dev.berth.bench.registry.ImageManifest;
import dev.berth.bench.registry.RegistryClient;
import dev.berth.bench.registry.UnexpectedResponseException;
import dev.berth.bench.report.Unit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The rows of the benchmark, in the order they run: listings first (so the catalog holds the seeded
 * repositories and little else), then the small requests, pulls, pushes, and the shared-image push.
 */
public final class Workload {
  public static final String MANIFESTS = "bench/manifests";
  public static final String PULL = "bench/pull";
  public static final String TAGS = "bench/tags";
  public static final String CATALOG_PREFIX = "bench/catalog/r";
  public static final String IMAGE = "bench/image";
  public static final String LATEST = "latest";

  private final Plan plan;

  public Workload(Plan plan) {
    this.plan = plan;
  }

  public Fixtures.Needs needs() {
    Map<Long, Integer> pools = new LinkedHashMap<>();
    for (long size : plan.blobSizes()) {
      for (int c : plan.pushConcurrencies(size)) {
        pools.merge(size, warmUpOps(size, c) + blobBudget(size, c).maxOps(), Math::max);
      }
    }
    int manifests = 0;
    for (int c : plan.concurrencies()) {
      manifests += c + requestBudget(c).maxOps();
    }
    return new Fixtures.Needs(pools, manifests, plan.phasesPerServer() * imageRoundsPerPhase());
  }

  public List<RowSpec> rows(Fixtures fixtures) {
    List<RowSpec> rows = new ArrayList<>();
    ImageManifest base = fixtures.base().manifest();
    Blob headBlob = fixtures.pullBlobs().get(plan.blobSizes().get(0));
    requestRows(rows, "catalog, " + plan.repositories() + " repositories (all pages)", c -> (client, t) ->
        atLeast(client.listCatalog(), plan.repositories(), "catalog"));
    requestRows(rows, "tags list, " + plan.tags() + " tags (all pages)", c -> (client, t) ->
        exactly(client.listTags(TAGS), plan.tags(), "tags list"));
    requestRows(rows, "manifest GET by tag", c -> (client, t) -> {
      client.getManifest(MANIFESTS, LATEST, base);
      return 0;
    });
    requestRows(rows, "manifest GET by digest", c -> (client, t) -> {
      client.getManifest(MANIFESTS, base.digest(), base);
      return 0;
    });
    requestRows(rows, "manifest HEAD by tag", c -> (client, t) -> {
      client.headManifest(MANIFESTS, LATEST, base);
      return 0;
    });
    requestRows(rows, "blob HEAD", c -> (client, t) -> {
      if (!client.blobExists(PULL, headBlob.digest())) {
        throw new UnexpectedResponseException("HEAD blob " + headBlob.digest(), "404 for a pushed blob");
      }
      return 0;
    });
    int[] manifestOffset = {0};
    requestRows(rows, "manifest PUT (new tag, new manifest)", c -> {
      int offset = manifestOffset[0];
      manifestOffset[0] += c + requestBudget(c).maxOps();
      return (client, t) -> {
        client.putManifest(MANIFESTS, "put-c" + c + "-" + t, fixtures.putManifests().get(offset + t));
        return 0;
      };
    });
    for (long size : plan.blobSizes()) {
      Blob blob = fixtures.pullBlobs().get(size);
      for (int c : plan.concurrencies()) {
        rows.add(blobRow("blob pull (GET) " + Plan.size(size), size, c, (client, t) -> client.pullBlob(PULL, blob)));
      }
    }
    for (long size : plan.blobSizes()) {
      List<Blob> pool = fixtures.pushPools().get(size);
      for (int c : plan.pushConcurrencies(size)) {
        String repository = "bench/push/" + Plan.size(size).replace(" ", "").toLowerCase() + "-c" + c;
        rows.add(blobRow("blob push, monolithic " + Plan.size(size), size, c,
            (client, t) -> client.pushMonolithic(repository, pool.get(t))));
      }
    }
    long chunked = plan.largestBlob();
    for (int c : plan.pushConcurrencies(chunked)) {
      String repository = "bench/chunked/c" + c;
      List<Blob> pool = fixtures.pushPools().get(chunked);
      rows.add(blobRow("blob push, chunked " + Plan.size(chunked) + " (" + Plan.size(plan.chunkSize())
          + " PATCHes)", chunked, c, (client, t) -> client.pushChunked(repository, pool.get(t), plan.chunkSize())));
    }
    rows.add(new RowSpec("same image pushed by 16 clients at once (" + plan.imageLayers() + " × "
        + Plan.size(plan.imageLayerSize()) + " layers)", 16, Unit.PUSHES_PER_SECOND, requestBudget(16),
        plan.phasesPerServer() * imageRoundsPerPhase(), plan.phasesPerServer(), false, sharedImagePush(fixtures)));
    return rows;
  }

  /** Each server runs the shared-image row in its phases of this many rounds each. */
  int imageRoundsPerPhase() {
    return Math.max(1, plan.imageRoundsPerServer() / plan.phasesPerServer());
  }

  /**
   * Like docker, each client retries a step that failed with a server error (up to {@link #ATTEMPTS} tries, with
   * a growing pause): racing first writes of one blob are where registries answer 5xx, and a client would not
   * give up there. The pauses count in the client's latency, as they would for a user.
   */
  private Operation sharedImagePush(Fixtures fixtures) {
    return (client, ticket) -> {
      int round = ticket / 16;
      Image image = fixtures.images().get(round);
      long pushed = 0;
      for (Blob blob : image.blobs()) {
        pushed += retrying(client, () -> client.blobExists(IMAGE, blob.digest()) ? 0 : client.pushMonolithic(IMAGE,
            blob));
      }
      retrying(client, () -> {
        client.putManifest(IMAGE, "round-" + round, image.manifest());
        return 0;
      });
      return pushed;
    };
  }

  private static final int ATTEMPTS = 5;
  private static final long FIRST_PAUSE_MILLIS = 20;

  private static long retrying(RegistryClient client, Step step)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run();
      } catch (UnexpectedResponseException e) {
        if (!e.serverError() || attempt == ATTEMPTS) {
          throw e;
        }
        client.countRetry();
        pause(FIRST_PAUSE_MILLIS << (attempt - 1));
      }
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted between retries");
    }
  }

  @FunctionalInterface
  private interface Step {
    long run() throws IOException;
  }

  private void requestRows(List<RowSpec> rows, String label, IntFunction<Operation> operation) {
    for (int c : plan.concurrencies()) {
      rows.add(new RowSpec(label, c, Unit.REQUESTS_PER_SECOND, requestBudget(c), 0, plan.phasesPerServer(), true,
          operation.apply(c)));
    }
  }

  private RowSpec blobRow(String label, long size, int c, Operation operation) {
    return new RowSpec(label, c, Unit.MIB_PER_SECOND, blobBudget(size, c), 0, phases(size), warmUpOps(size, c) > 0,
        operation);
  }

  private int phases(long size) {
    return size == plan.largestBlob() ? plan.largestBlobPhases() : plan.phasesPerServer();
  }

  Budget requestBudget(int concurrency) {
    return new Budget(plan.requestRowMaxOps(), plan.phasesPerServer() * concurrency, plan.requestRowTime());
  }

  Budget blobBudget(long size, int concurrency) {
    int minimum = phases(size) * concurrency;
    int byCap = (int) Math.min(plan.requestRowMaxOps(), plan.blobRowByteCap() / size);
    return new Budget(Math.max(minimum, byCap), minimum, plan.blobRowTime());
  }

  /** The largest blobs skip warm-up: the smaller sizes before them warmed the same code paths. */
  private int warmUpOps(long size, int concurrency) {
    return size == plan.largestBlob() ? 0 : concurrency;
  }

  private static long atLeast(int count, int expected, String what) throws UnexpectedResponseException {
    if (count < expected) {
      throw new UnexpectedResponseException(what, count + " entries, expected at least " + expected);
    }
    return 0;
  }

  private static long exactly(int count, int expected, String what) throws UnexpectedResponseException {
    if (count != expected) {
      throw new UnexpectedResponseException(what, count + " entries, expected " + expected);
    }
    return 0;
  }
}
