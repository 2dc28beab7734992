package dev.berth.bench.load;

import dev.berth.bench.registry.RegistryClient;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/** Collects one phase's latencies, bytes and end time from all its workers; remembers the first failure. */
final class PhaseRecorder {
  private final Runnable onFirstFailure;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long[] latencies = new long[1024];
  private int count;
  private long bytes;
  private long lastFinish;

  PhaseRecorder(Runnable onFirstFailure) {
    this.onFirstFailure = onFirstFailure;
  }

  void time(RegistryClient client, Operation operation, int ticket) {
    long begin = System.nanoTime();
    long moved;
    try {
      moved = operation.run(client, ticket);
    } catch (Exception | AssertionError e) {
      fail(e);
      return;
    }
    record(System.nanoTime() - begin, moved);
  }

  private synchronized void record(long latency, long moved) {
    if (count == latencies.length) {
      latencies = Arrays.copyOf(latencies, count * 2);
    }
    latencies[count++] = latency;
    bytes += moved;
  }

  synchronized void finished(long at) {
    lastFinish = Math.max(lastFinish, at);
  }

  boolean failed() {
    return failure.get() != null;
  }

  void fail(Throwable cause) {
    if (failure.compareAndSet(null, cause)) {
      onFirstFailure.run();
    }
  }

  synchronized Measurement result(long startedAt) throws PhaseFailedException {
    Throwable cause = failure.get();
    if (cause != null) {
      Throwable root = cause instanceof java.util.concurrent.ExecutionException && cause.getCause() != null
          ? cause.getCause() : cause;
      throw new PhaseFailedException(String.valueOf(root.getMessage()), root);
    }
    long end = Math.max(lastFinish, startedAt);
    return new Measurement(count, bytes, end - startedAt, Arrays.copyOf(latencies, count));
  }
}
