package dev.berth.bench.report;

/** What a row's figure measures, and which direction is better. */
public enum Unit {
  REQUESTS_PER_SECOND("req/s", true),
  MIB_PER_SECOND("MiB/s", true),
  PUSHES_PER_SECOND("pushes/s", true),
  MILLISECONDS("ms", false),
  MIB("MiB", false);

  private final String label;
  private final boolean higherIsBetter;

  Unit(String label, boolean higherIsBetter) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  public String label() {
    return label;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
