package dev.berth.bench.load;

import java.time.Duration;

/**
 * How much of an operation one phase runs: workers keep taking tickets until {@code maxOps} are taken or the
 * time box has passed, but at least {@code minOps} are always run so every phase has figures.
 */
public record Budget(int maxOps, int minOps, Duration timeBox) {
  public Budget {
    if (maxOps < 1 || minOps < 1 || minOps > maxOps) {
      throw new IllegalArgumentException("budget needs 1 <= minOps <= maxOps, got " + minOps + ".." + maxOps);
    }
  }

  /** This budget split evenly over {@code parts} phases (each keeps at least one operation). */
  public Budget split(int parts) {
    int max = Math.max(1, maxOps / parts);
    return new Budget(max, Math.max(1, Math.min(max, minOps / parts)), timeBox.dividedBy(parts));
  }
}
