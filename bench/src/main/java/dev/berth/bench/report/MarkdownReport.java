package dev.berth.bench.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a report as the Markdown of BENCHMARKS.md (also what the command prints). */
public final class MarkdownReport {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private MarkdownReport() {
  }

  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("# Benchmarks: Berth registry vs registry:2\n\n");
    MachineInfo machine = report.machine();
    out.append("- Date: ").append(DATE.format(report.date())).append('\n');
    out.append("- CPU: ").append(machine.cpuModel()).append(", ").append(machine.cores()).append(" cores\n");
    out.append("- OS: ").append(machine.os()).append("; client and Berth on ").append(machine.java()).append('\n');
    out.append("- Plan: ").append(report.plan()).append("\n\n");
    out.append("| Operation | c | Unit | Berth | registry:2 | Berth ÷ registry:2 | Berth p50 / p99 ms "
        + "| registry:2 p50 / p99 ms |\n");
    out.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (Row row : report.rows()) {
      out.append(line(row)).append('\n');
    }
    if (!report.notes().isEmpty()) {
      out.append('\n');
      for (String note : report.notes()) {
        out.append("- ").append(note).append('\n');
      }
    }
    return out.toString();
  }

  /** One table line (without its newline), also printed as progress while the run goes on. */
  public static String line(Row row) {
    return "| " + row.operation() + " | " + row.concurrency() + " | " + row.unit().label()
        + (row.unit().higherIsBetter() ? "" : " (lower is better)") + " | " + value(row.berth()) + " | "
        + value(row.registry()) + " | " + (row.reference() ? "machine limit" : ratio(row.ratio())) + " | "
        + latency(row.berth()) + " | " + latency(row.registry()) + " |";
  }

  static String value(Cell cell) {
    if (cell.failure() != null) {
      return "failed: " + cell.failure().replace('|', '/').replace('\n', ' ');
    }
    return number(cell.value());
  }

  public static String number(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String ratio(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "—";
  }

  private static String latency(Cell cell) {
    return cell.hasLatency() ? number(cell.p50Millis()) + " / " + number(cell.p99Millis()) : "—";
  }
}
