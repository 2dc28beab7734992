package dev.berth.bench.load;

import java.util.Arrays;

/** What a phase did: operations, payload bytes, wall time, and every operation's latency. */
public record Measurement(long ops, long bytes, long elapsedNanos, long[] latenciesNanos) {
  private static final double MIB = 1024.0 * 1024.0;

  public static Measurement empty() {
    return new Measurement(0, 0, 0, new long[0]);
  }

  /** Two phases of the same row as one: counts and wall times add up, latencies pool. */
  public Measurement plus(Measurement other) {
    long[] pooled = Arrays.copyOf(latenciesNanos, latenciesNanos.length + other.latenciesNanos.length);
    System.arraycopy(other.latenciesNanos, 0, pooled, latenciesNanos.length, other.latenciesNanos.length);
    return new Measurement(ops + other.ops, bytes + other.bytes, elapsedNanos + other.elapsedNanos, pooled);
  }

  public double opsPerSecond() {
    return elapsedNanos == 0 ? Double.NaN : ops * 1e9 / elapsedNanos;
  }

  public double mibPerSecond() {
    return elapsedNanos == 0 ? Double.NaN : bytes / MIB * 1e9 / elapsedNanos;
  }

  /** Nearest-rank percentile in milliseconds ({@code q} in (0, 1]); NaN when nothing was measured. */
  public double percentileMillis(double q) {
    if (latenciesNanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }
}
