package dev.berth.registry.health;

import java.util.Optional;

/**
 * The state of one periodic check: healthy until {@code threshold} consecutive runs failed, healthy again after
 * the first success, as distribution's threshold checker behaves. Thread-safe.
 */
final class ThresholdStatus {
  private final int threshold;
  private int consecutiveFailures;
  private String lastError;

  ThresholdStatus(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("health.storagedriver.threshold must be at least 1, not " + threshold);
    }
    this.threshold = threshold;
  }

  synchronized void succeeded() {
    consecutiveFailures = 0;
    lastError = null;
  }

  synchronized void failed(String error) {
    consecutiveFailures++;
    lastError = error;
  }

  /** The last error once the threshold is reached; empty while healthy. */
  synchronized Optional<String> failure() {
    return consecutiveFailures >= threshold ? Optional.of(lastError) : Optional.empty();
  }
}
