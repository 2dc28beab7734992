package dev.berth.bench;

import dev.berth.bench.report.MarkdownReport;
import dev.berth.bench.report.Report;
import dev.berth.bench.server.ServerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code java -jar berth-bench.jar}: runs Berth's registry and registry:2 side by side, prints the table and
 * writes it to BENCHMARKS.md. Exits 0 when every row has a figure for both servers, 2 when some failed (the
 * report then says why), 1 on bad usage or a run that could not happen at all.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    if (options.help()) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    try {
      Report report = run(options);
      System.exit(report.complete() ? 0 : 2);
    } catch (IOException | RuntimeException e) {
      System.err.println("benchmark failed: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** Runs the benchmark the options describe, prints the table, and writes the report file. */
  public static Report run(BenchOptions options) throws IOException, InterruptedException {
    if (!Files.isRegularFile(options.berthJar())) {
      throw new IOException("Berth's registry jar not found at " + options.berthJar().toAbsolutePath()
          + " (build it with ./mvnw -q -pl registry-server -am package -DskipTests)");
    }
    Path work = Files.createTempDirectory(Files.createDirectories(options.workDirectory()), "berth-bench-");
    try {
      Bench bench = new Bench(options.plan(),
          ServerSpec.berth(options.berthJar().toAbsolutePath(), options.berthJvmOptions()),
          ServerSpec.distribution(options.registryBinary()), work, System.err, options.only());
      Report report = bench.run();
      String markdown = MarkdownReport.render(report);
      System.out.print(markdown);
      Path output = options.output().toAbsolutePath();
      Files.createDirectories(output.getParent());
      Files.writeString(output, markdown);
      System.err.println("[bench] wrote " + output);
      return report;
    } finally {
      if (options.keep()) {
        System.err.println("[bench] kept " + work);
      } else {
        deleteRecursively(work);
      }
    }
  }

  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("[bench] could not remove " + directory + ": " + e.getMessage());
    }
  }
}
