package dev.berth.bench.report;

import java.time.Instant;
import java.util.List;

/** A finished run: when, where, the table, and notes on how it was measured. */
public record Report(Instant date, MachineInfo machine, String plan, List<Row> rows, List<String> notes) {
  public Report {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  public boolean complete() {
    return rows.stream().allMatch(Row::complete);
  }
}
