package dev.berth.registry.testing;

import dev.berth.registry.testsupport.ReadinessProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Berth's jar (or Debian's docker-registry, for comparison) started as a process with a given config file and
 * environment, over HTTPS when a client TLS context is given, and considered up once {@code GET /v2/} answers
 * (401 included: the server is up, it wants credentials).
 */
public final class SecuredRegistry implements AutoCloseable {
  /** Bounds the wait for a server that never comes up; never decides a test's outcome. */
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

  private final Process process;
  private final URI base;
  private final Path log;

  private SecuredRegistry(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  public static List<String> berthCommand(Path config) {
    String jar = System.getProperty("berth.registry.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property berth.registry.jar must name the built jar, was " + jar);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-jar", jar, "serve", config.toString());
  }

  public static List<String> registry2Command(Path config) {
    return List.of("docker-registry", "serve", config.toString());
  }

  /**
   * Starts {@code command} with exactly the REGISTRY_* variables given (inherited ones are dropped) and waits
   * until {@code https://127.0.0.1:port/v2/} (or http without {@code tls}) answers.
   */
  public static SecuredRegistry start(List<String> command, Map<String, String> environment, int port,
      SSLContext tls, Path log) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
    builder.environment().putAll(environment);
    URI base = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
    SecuredRegistry registry = new SecuredRegistry(builder.start(), base, log);
    try {
      registry.awaitReady(tls);
      return registry;
    } catch (IOException | InterruptedException | RuntimeException e) {
      registry.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw e;
    }
  }

  private void awaitReady(SSLContext tls) throws IOException, InterruptedException {
    ReadinessProbe.await(process, base, tls, STARTUP_LIMIT, this::logTail);
  }

  /** Runs a command expected to fail at start and returns its output. */
  public static String failToStart(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("expected the registry to refuse to start, it kept running:\n" + output);
    }
    if (process.exitValue() == 0) {
      throw new IOException("expected a failing exit code:\n" + output);
    }
    return output;
  }

  public URI baseUri() {
    return base;
  }

  public String hostPort() {
    return base.getHost() + ":" + base.getPort();
  }

  public int port() {
    return base.getPort();
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Exit code and combined output of a finished command. */
  public record Outcome(int exitCode, String output) {
  }

  /** Runs a command to completion, whatever its exit code. */
  public static Outcome run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Outcome(process.exitValue(), output);
  }

  /** skopeo over TLS: trust only what {@code --*-cert-dir} holds, never {@code --tls-verify=false}. */
  public static List<String> skopeoCopy(String source, String destination, List<String> options) {
    List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy"));
    command.addAll(options);
    command.add(source);
    command.add(destination);
    return command;
  }
}
