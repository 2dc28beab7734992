package dev.berth.bench.report;

/**
 * One server's result in a row: a figure with optional latency percentiles (NaN when not applicable), or the
 * reason the row failed on that server.
 */
public record Cell(double value, double p50Millis, double p99Millis, String failure) {

  public static Cell of(double value) {
    return new Cell(value, Double.NaN, Double.NaN, null);
  }

  public static Cell of(double value, double p50Millis, double p99Millis) {
    return new Cell(value, p50Millis, p99Millis, null);
  }

  public static Cell failed(String reason) {
    return new Cell(Double.NaN, Double.NaN, Double.NaN, reason == null ? "failed" : reason);
  }

  public boolean hasFigure() {
    return failure == null && Double.isFinite(value) && value > 0;
  }

  public boolean hasLatency() {
    return failure == null && Double.isFinite(p50Millis) && Double.isFinite(p99Millis);
  }
}
