package dev.berth.bench.load;

import dev.berth.bench.registry.RegistryClient;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one phase of a row: {@code concurrency} workers, each on its own persistent connection, released
 * together; the phase's wall time runs from the release to the last worker's end.
 */
public final class LoadRunner implements AutoCloseable {
  private static final long BARRIER_TIMEOUT_SECONDS = 300;

  private final ExecutorService workers;
  private final int maxConcurrency;

  public LoadRunner(int maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
    this.workers = Executors.newFixedThreadPool(maxConcurrency, runnable -> {
      Thread thread = new Thread(runnable, "bench-worker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Workers take tickets within the budget, numbered on from {@code tickets} (shared by all phases of a row on
   * one server); afterwards {@code tickets} is past every ticket this phase used, so the next phase's are new.
   */
  public Measurement timeBoxed(List<RegistryClient> clients, int concurrency, Operation operation, Budget budget,
      AtomicInteger tickets) throws PhaseFailedException {
    int first = tickets.get();
    AtomicInteger taken = new AtomicInteger();
    long deadline = System.nanoTime() + budget.timeBox().toNanos();
    try {
      return runPhase(clients, concurrency, (client, recorder) -> {
        while (!recorder.failed()) {
          int n = taken.getAndIncrement();
          if (n >= budget.maxOps() || (n >= budget.minOps() && System.nanoTime() > deadline)) {
            return;
          }
          recorder.time(client, operation, first + n);
        }
      });
    } finally {
      tickets.set(first + Math.min(taken.get(), budget.maxOps()));
    }
  }

  /**
   * Every worker runs the operation once per round, all released together by a barrier each round: tickets of
   * round r are {@code r * concurrency + worker}, so workers of one round can share content (same image).
   */
  public Measurement rounds(List<RegistryClient> clients, int concurrency, Operation operation, int rounds,
      AtomicInteger roundCounter) throws PhaseFailedException {
    int firstRound = roundCounter.getAndAdd(rounds);
    CyclicBarrier barrier = new CyclicBarrier(concurrency);
    AtomicInteger nextWorker = new AtomicInteger();
    return runPhase(clients, concurrency, (client, recorder) -> {
      int worker = nextWorker.getAndIncrement();
      for (int round = firstRound; round < firstRound + rounds && !recorder.failed(); round++) {
        try {
          barrier.await(BARRIER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
          recorder.fail(new IllegalStateException("another client of the round failed", e));
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          recorder.fail(e);
          return;
        }
        recorder.time(client, operation, round * concurrency + worker);
      }
    }, barrier::reset);
  }

  private Measurement runPhase(List<RegistryClient> clients, int concurrency, WorkerBody body)
      throws PhaseFailedException {
    return runPhase(clients, concurrency, body, () -> { });
  }

  private Measurement runPhase(List<RegistryClient> clients, int concurrency, WorkerBody body,
      Runnable onFailure) throws PhaseFailedException {
    if (concurrency > maxConcurrency || concurrency > clients.size()) {
      throw new IllegalArgumentException("concurrency " + concurrency + " exceeds the " + maxConcurrency
          + " workers or " + clients.size() + " connections");
    }
    CountDownLatch ready = new CountDownLatch(concurrency);
    CountDownLatch start = new CountDownLatch(1);
    PhaseRecorder recorder = new PhaseRecorder(onFailure);
    AtomicReference<Long> startedAt = new AtomicReference<>();
    Future<?>[] running = new Future<?>[concurrency];
    for (int i = 0; i < concurrency; i++) {
      RegistryClient client = clients.get(i);
      running[i] = workers.submit(() -> {
        ready.countDown();
        awaitQuietly(start);
        body.run(client, recorder);
        recorder.finished(System.nanoTime());
      });
    }
    awaitQuietly(ready);
    startedAt.set(System.nanoTime());
    start.countDown();
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (Exception e) {
        recorder.fail(e);
      }
    }
    return recorder.result(startedAt.get());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  @FunctionalInterface
  private interface WorkerBody {
    void run(RegistryClient client, PhaseRecorder recorder);
  }
}
