package dev.berth.bench.report;

/**
 * One line of the table. A reference row (a limit of the machine, not of either server) carries the same cell
 * for both servers.
 */
public record Row(String operation, String concurrency, Unit unit, Cell berth, Cell registry, boolean reference) {

  public static Row measured(String operation, int concurrency, Unit unit, Cell berth, Cell registry) {
    return new Row(operation, Integer.toString(concurrency), unit, berth, registry, false);
  }

  public static Row perServer(String operation, Unit unit, Cell berth, Cell registry) {
    return new Row(operation, "—", unit, berth, registry, false);
  }

  public static Row reference(String operation, String concurrency, Unit unit, double value) {
    Cell cell = Cell.of(value);
    return new Row(operation, concurrency, unit, cell, cell, true);
  }

  /** Berth's figure divided by registry:2's; NaN when either is missing. */
  public double ratio() {
    if (reference || !berth.hasFigure() || !registry.hasFigure()) {
      return Double.NaN;
    }
    return berth.value() / registry.value();
  }

  public boolean complete() {
    return berth.hasFigure() && registry.hasFigure();
  }
}
