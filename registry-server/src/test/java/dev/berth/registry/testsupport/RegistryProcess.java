package dev.berth.registry.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A registry server running as a separate operating-system process (Berth's jar or Debian's docker-registry),
 * started from a config file on a free loopback port and considered up once {@code GET /v2/} answers.
 * Its output goes to a log file whose tail is shown when it fails to start.
 */
public final class RegistryProcess implements AutoCloseable {
  /** A guard against a server that never comes up; it bounds the wait, it never decides a test's outcome. */
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final URI base;
  private final Path log;

  private RegistryProcess(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /** What to launch for a given config file. */
  @FunctionalInterface
  public interface Launcher {
    List<String> command(Path configFile);
  }

  /** Berth's shaded jar ({@code -Dberth.registry.jar}, set by failsafe), with extra JVM options. */
  public static Launcher berth(String... jvmOptions) {
    String jar = System.getProperty("berth.registry.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property berth.registry.jar must name the built jar, was " + jar
          + " (run the ITs through 'mvnw verify', which builds it)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return config -> {
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(List.of(jvmOptions));
      command.addAll(List.of("-jar", jar, "serve", config.toString()));
      return command;
    };
  }

  /** Debian's {@code docker-registry} (distribution 2.8). */
  public static Launcher registry2() {
    return config -> List.of("docker-registry", "serve", config.toString());
  }

  /**
   * Writes a config for {@code storageRoot} into {@code workDir} and starts the server on a free port, trying
   * another port if the chosen one was taken in between.
   */
  public static RegistryProcess start(Launcher launcher, Path storageRoot, Path workDir)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      int port = FreePort.pick();
      Path config = RegistryConfigFile.write(workDir.resolve("config-" + port + ".yml"), storageRoot, port);
      Path log = workDir.resolve("server-" + port + ".log");
      try {
        return launch(launcher.command(config), URI.create("http://127.0.0.1:" + port), log);
      } catch (IOException e) {
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  private static RegistryProcess launch(List<String> command, URI base, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Inherited REGISTRY_* variables would override the config file in both registries.
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
    RegistryProcess server = new RegistryProcess(builder.start(), base, log);
    try {
      server.awaitReady();
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.kill();
      throw e;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    ReadinessProbe.await(process, base, null, STARTUP_LIMIT, this::logTail);
  }

  public URI baseUri() {
    return base;
  }

  /** {@code 127.0.0.1:port}, as skopeo and docker name a registry. */
  public String hostPort() {
    return base.getHost() + ":" + base.getPort();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return log;
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGKILL on Linux: no shutdown hooks, no flushing, exactly a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A graceful stop (SIGTERM), falling back to SIGKILL. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
