package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.bench.report.Report;
import dev.berth.bench.server.ServerSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness checked against the reference implementation alone (docker-registry in both slots): if this
 * passes and {@link BenchSmokeIT} fails, the fault is Berth's, not the harness's.
 */
class HarnessAgainstRegistryIT {
  @TempDir
  Path directory;

  @Test
  void everyRowOfTheSmokePlanWorksAgainstRegistry2() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Report report = new Bench(Plan.smoke(), ServerSpec.distribution("docker-registry"),
        ServerSpec.distribution("docker-registry"), directory, new PrintStream(progress, true,
        StandardCharsets.UTF_8)).run();

    assertThat(report.rows()).allSatisfy(row -> assertThat(row.complete())
        .as("%s at c%s: %s / %s", row.operation(), row.concurrency(), row.berth(), row.registry()).isTrue());
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("seeded registry:2");
  }
}
