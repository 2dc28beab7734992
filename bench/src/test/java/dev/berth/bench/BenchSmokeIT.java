package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.bench.report.Report;
import dev.berth.bench.report.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke plan against Berth's jar and docker-registry, through the same entry point as the real
 * run: every row must come out with a figure for both servers and land in the Markdown file. Timing never
 * decides anything here; a row fails only when a server answered something the distribution API does not
 * allow (or did not answer).
 */
class BenchSmokeIT {
  @TempDir
  Path directory;

  @Test
  void smokeRunProducesACompleteTableForBothServers() throws Exception {
    Path jar = Path.of(System.getProperty("berth.registry.jar", "../registry-server/target/berth-registry.jar"));
    Path output = directory.resolve("BENCHMARKS.md");

    Report report = BenchMain.run(BenchOptions.parse("--smoke", "--berth-jar", jar.toString(), "--out",
        output.toString(), "--work-dir", directory.toString()));

    // 2 machine limits + start-up time + 41 workload rows + peak memory
    assertThat(report.rows()).hasSize(45);
    assertThat(report.rows()).extracting(Row::operation)
        .anySatisfy(op -> assertThat(op).startsWith("machine limit: SHA-256"))
        .anySatisfy(op -> assertThat(op).startsWith("machine limit: loopback"))
        .anySatisfy(op -> assertThat(op).startsWith("time from process start"))
        .anySatisfy(op -> assertThat(op).startsWith("catalog"))
        .anySatisfy(op -> assertThat(op).startsWith("tags list"))
        .anySatisfy(op -> assertThat(op).isEqualTo("manifest GET by tag"))
        .anySatisfy(op -> assertThat(op).isEqualTo("manifest GET by digest"))
        .anySatisfy(op -> assertThat(op).isEqualTo("manifest HEAD by tag"))
        .anySatisfy(op -> assertThat(op).isEqualTo("blob HEAD"))
        .anySatisfy(op -> assertThat(op).startsWith("manifest PUT"))
        .anySatisfy(op -> assertThat(op).startsWith("blob pull"))
        .anySatisfy(op -> assertThat(op).startsWith("blob push, monolithic"))
        .anySatisfy(op -> assertThat(op).startsWith("blob push, chunked"))
        .anySatisfy(op -> assertThat(op).startsWith("same image pushed by 16 clients"))
        .anySatisfy(op -> assertThat(op).startsWith("peak resident memory"));
    assertThat(report.rows()).allSatisfy(row -> assertThat(row.complete())
        .as("%s at c%s: Berth %s, registry:2 %s", row.operation(), row.concurrency(), row.berth(), row.registry())
        .isTrue());
    String markdown = Files.readString(output);
    for (Row row : report.rows()) {
      assertThat(markdown).contains("| " + row.operation() + " | " + row.concurrency() + " |");
    }
    assertThat(markdown).doesNotContain("failed:").contains("- CPU: ", " cores");
  }
}
