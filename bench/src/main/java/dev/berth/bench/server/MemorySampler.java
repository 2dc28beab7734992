package dev.berth.bench.server;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples one process's resident memory every 50 ms on a daemon thread. The kernel's VmHWM already holds the
 * true peak; sampling keeps the last value seen if the process dies before the run ends.
 */
final class MemorySampler {
  private static final long INTERVAL_MILLIS = 50;

  private final long pid;
  private final AtomicLong peakKib = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private MemorySampler(long pid) {
    this.pid = pid;
    this.thread = new Thread(this::loop, "rss-sampler-" + pid);
    this.thread.setDaemon(true);
  }

  static MemorySampler start(long pid) {
    MemorySampler sampler = new MemorySampler(pid);
    sampler.thread.start();
    return sampler;
  }

  long peakKib() {
    sample();
    return peakKib.get();
  }

  void stop() {
    sample();
    running = false;
    thread.interrupt();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    OptionalLong now = ProcStatus.residentPeakKib(pid);
    if (now.isPresent()) {
      peakKib.accumulateAndGet(now.getAsLong(), Math::max);
    }
  }
}
