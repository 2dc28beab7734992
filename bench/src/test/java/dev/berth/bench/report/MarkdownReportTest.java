package dev.berth.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private static final MachineInfo MACHINE = new MachineInfo("Test CPU 3000", 2, "Linux 6", "Java 17");

  @Test
  void tableCarriesFiguresRatiosAndLatencies() {
    Row row = Row.measured("blob HEAD", 16, Unit.REQUESTS_PER_SECOND, Cell.of(9000, 1.5, 4.25),
        Cell.of(3000, 4.0, 12.0));
    String markdown = MarkdownReport.render(new Report(Instant.parse("2026-01-02T03:04:05Z"), MACHINE, "plan",
        List.of(row), List.of("a note")));
    assertThat(markdown).contains("- Date: 2026-01-02 03:04 UTC", "- CPU: Test CPU 3000, 2 cores",
        "| blob HEAD | 16 | req/s | 9,000 | 3,000 | 3.00× | 1.50 / 4.25 | 4.00 / 12.0 |", "- a note");
  }

  @Test
  void failedCellsSayWhyAndHaveNoRatio() {
    Row row = Row.measured("catalog", 1, Unit.REQUESTS_PER_SECOND, Cell.failed("GET /v2/_catalog | answered 404"),
        Cell.of(10));
    assertThat(MarkdownReport.line(row)).contains("failed: GET /v2/_catalog / answered 404", "| — |");
    assertThat(row.complete()).isFalse();
  }

  @Test
  void referenceAndLowerIsBetterRowsAreMarked() {
    assertThat(MarkdownReport.line(Row.reference("SHA-256", "1", Unit.MIB_PER_SECOND, 512.4)))
        .contains("| 512 | 512 | machine limit |");
    assertThat(MarkdownReport.line(Row.perServer("peak memory", Unit.MIB, Cell.of(100), Cell.of(50))))
        .contains("MiB (lower is better)", "2.00×");
  }

  @Test
  void cpuModelComesFromCpuInfo() {
    assertThat(MachineInfo.cpuModel("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: x\n"))
        .isEqualTo("AMD EPYC 7B13");
    assertThat(MachineInfo.cpuModel("")).isEqualTo("unknown CPU");
  }
}
