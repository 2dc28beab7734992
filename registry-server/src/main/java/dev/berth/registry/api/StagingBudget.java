package dev.berth.registry.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of request bodies all uploads together may hold in memory between the socket and storage.
 * Each upload's own queue is bounded too, but uploads are as many as clients open; past this budget an upload
 * with bytes already queued waits for them to be written before it reads more from its socket, so a burst of
 * uploads slows down instead of exhausting the direct memory the network layer shares.
 */
final class StagingBudget {
  /** A quarter of the heap's size, the JVM's default limit for direct memory: 32 MiB with a 128 MiB heap. */
  static final StagingBudget SHARED = new StagingBudget(Runtime.getRuntime().maxMemory() / 4);

  private final long limit;
  private final AtomicLong staged = new AtomicLong();

  StagingBudget(long limit) {
    this.limit = limit;
  }

  void take(long bytes) {
    staged.addAndGet(bytes);
  }

  void giveBack(long bytes) {
    staged.addAndGet(-bytes);
  }

  boolean exhausted() {
    return staged.get() >= limit;
  }

  long staged() {
    return staged.get();
  }
}
