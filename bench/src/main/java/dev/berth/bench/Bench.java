package dev.berth.bench;

import dev.berth.bench.load.LoadRunner;
import dev.berth.bench.registry.BlobFactory;
import dev.berth.bench.report.Cell;
import dev.berth.bench.report.MachineInfo;
import dev.berth.bench.report.MarkdownReport;
import dev.berth.bench.report.Report;
import dev.berth.bench.report.Row;
import dev.berth.bench.report.Unit;
import dev.berth.bench.server.ServerSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark run: measure the machine's limits, generate all content, start both servers, seed them, run
 * every row interleaved on both, and report. Progress goes to {@code progress} as rows finish.
 */
public final class Bench {
  private static final int CONNECTIONS = 16;

  private final Plan plan;
  private final ServerSpec berthSpec;
  private final ServerSpec registrySpec;
  private final Path workDirectory;
  private final PrintStream progress;
  private final String only;

  public Bench(Plan plan, ServerSpec berthSpec, ServerSpec registrySpec, Path workDirectory, PrintStream progress) {
    this(plan, berthSpec, registrySpec, workDirectory, progress, null);
  }

  /** @param only when not null, only the workload rows whose operation contains this text run */
  public Bench(Plan plan, ServerSpec berthSpec, ServerSpec registrySpec, Path workDirectory, PrintStream progress,
      String only) {
    this.only = only;
    this.plan = plan;
    this.berthSpec = berthSpec;
    this.registrySpec = registrySpec;
    this.workDirectory = workDirectory;
    this.progress = progress;
  }

  public Report run() throws IOException, InterruptedException {
    long begin = System.nanoTime();
    List<String> notes = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    double sha256 = References.sha256MibPerSecond(plan.referenceTime());
    double loopback = References.loopbackMibPerSecond(plan.referenceTime());
    log("machine limits: %s MiB/s SHA-256, %s MiB/s loopback", MarkdownReport.number(sha256),
        MarkdownReport.number(loopback));

    Workload workload = new Workload(plan);
    long generating = System.nanoTime();
    Path blobs = Files.createDirectories(workDirectory.resolve("blobs"));
    Fixtures fixtures = Fixtures.generate(plan, workload.needs(), new BlobFactory(blobs));
    log("generated content in %.1f s", (System.nanoTime() - generating) / 1e9);

    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    try (LoadRunner runner = new LoadRunner(CONNECTIONS);
         ServerUnderTest berth = ServerUnderTest.start(berthSpec, workDirectory.resolve("berth"), secret,
             CONNECTIONS);
         ServerUnderTest registry = ServerUnderTest.start(registrySpec, workDirectory.resolve("registry"), secret,
             CONNECTIONS)) {
      rows.add(Row.perServer("time from process start to first 200 on GET /v2/", Unit.MILLISECONDS,
          startup(berth), startup(registry)));
      Seeder seeder = new Seeder(plan, fixtures, runner);
      seed(seeder, berth, notes);
      seed(seeder, registry, notes);
      RowRunner rowRunner = new RowRunner(runner, plan.warmUp());
      for (RowSpec spec : workload.rows(fixtures)) {
        if (only != null && !spec.label().contains(only)) {
          continue;
        }
        Row row = rowRunner.measure(spec, berth, registry);
        rows.add(row);
        log("%s", MarkdownReport.line(row));
      }
      rows.add(Row.perServer("peak resident memory of the server process (VmHWM)", Unit.MIB, memory(berth),
          memory(registry)));
      notes.add("Steps retried after a 5xx answer (shared-image row only, as docker retries): Berth "
          + berth.retries() + ", registry:2 " + registry.retries() + ".");
    }
    // Measured again once the servers are gone; on a shared machine the better of the two is nearer the limit.
    sha256 = Math.max(sha256, References.sha256MibPerSecond(plan.referenceTime()));
    loopback = Math.max(loopback, References.loopbackMibPerSecond(plan.referenceTime()));
    rows.add(0, Row.reference("machine limit: SHA-256 on one core (JDK MessageDigest)", "1", Unit.MIB_PER_SECOND,
        sha256));
    rows.add(1, Row.reference("machine limit: loopback socket copy", "1", Unit.MIB_PER_SECOND, loopback));
    notes.addAll(methodNotes());
    if (only != null) {
      notes.add("Only the rows whose operation contains '" + only + "' were run.");
    }
    notes.add(String.format(Locale.ROOT, "Whole run took %.0f s.", (System.nanoTime() - begin) / 1e9));
    return new Report(Instant.now(), MachineInfo.detect(), plan.describe(), rows, notes);
  }

  private void seed(Seeder seeder, ServerUnderTest server, List<String> notes) {
    if (!server.running()) {
      return;
    }
    long begin = System.nanoTime();
    try {
      seeder.seed(server.clients());
      log("seeded %s in %.1f s", server.name(), (System.nanoTime() - begin) / 1e9);
    } catch (Exception e) {
      notes.add("Seeding " + server.name() + " failed (rows reading seeded content fail too): " + e.getMessage());
      log("seeding %s failed: %s", server.name(), e.getMessage());
    }
  }

  private static Cell startup(ServerUnderTest server) {
    return server.running() ? Cell.of(server.process().startupMillis()) : Cell.failed(server.unavailable());
  }

  private static Cell memory(ServerUnderTest server) {
    return server.running() ? Cell.of(server.process().peakResidentMib()) : Cell.failed(server.unavailable());
  }

  private List<String> methodNotes() {
    return List.of(
        "Ratios are Berth ÷ registry:2: above 1 is better for Berth on rates, below 1 on time and memory.",
        "Both servers run on 127.0.0.1 with the same config.yml (filesystem storage in a fresh temporary "
            + "directory each, deletes enabled, log level error, access log off, in-memory blob descriptor "
            + "cache) and are driven by the same client: "
            + CONNECTIONS + " persistent raw HTTP/1.1 connections per server, one per worker thread.",
        "Each row runs on both servers in alternating phases (Berth, registry:2, registry:2, Berth, repeated; "
            + plan.phasesPerServer() + " per server, " + plan.largestBlobPhases() + " for the largest blobs), each "
            + "an equal share of the row's "
            + "time box and operation cap, after an untimed warm-up on each (not for the largest blobs or the "
            + "shared image). Throughput is operations (or bytes) over the summed wall time of a server's phases.",
        "After every phase, untimed, the harness runs sync: a server that leaves its writes in the page cache "
            + "(registry:2 never fsyncs) would otherwise have the kernel write them back during the next phase, "
            + "the other server's. Berth fsyncs every blob before answering 201, inside its timed phases.",
        "Blob content is random (seeded PRNG) and digested before timing; within a row every push sends "
            + "distinct content, rows of the same size reuse the content in fresh repositories.",
        "Monolithic push is POST then one PUT with the body and digest; chunked push is POST, PATCHes with "
            + "Content-Range, then PUT with the digest. Pulls read and count the body (no hashing on the client).",
        "Manifest PUT sends a new manifest (distinct annotation) under a new tag each time. Listings ask for "
            + "n=1000 and follow Link headers until the last page; one listing counts as one request.",
        "The shared-image row releases 16 clients together per round; each HEADs every blob, pushes the "
            + "missing ones, then PUTs the manifest, so first writes of the same blobs race. Throughput counts "
            + "client pushes per second; latency is per client push.",
        "Berth runs as: " + berthSpec.description() + "; registry:2 as: " + registrySpec.description() + ".",
        "Machine limits are measured in the client's JVM before and after the rows (the better of the two "
            + "counts): SHA-256 over a 1 MiB buffer on one thread, and one thread reading what another writes "
            + "through a loopback socket pair.",
        "Peak memory is the kernel's high-water mark (VmHWM in /proc/<pid>/status) of the server process "
            + "itself (the JVM for Berth), read during and at the end of the run.");
  }

  private void log(String format, Object... args) {
    progress.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
