package dev.berth.operator.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Berth registry jar ({@code -Dberth.registry.jar}) started with the container's arguments and
 * environment, its listeners moved to free loopback ports with REGISTRY_* overrides (as a pod's would be
 * fixed by the pod network). Up once the unauthenticated debug listener reports healthy.
 */
final class RegistryJarProcess implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  final int port;

  private RegistryJarProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static RegistryJarProcess start(List<String> args, Map<String, String> podEnv, Path workDir)
      throws IOException, InterruptedException {
    return start(args, podEnv, workDir, freePort());
  }

  /** {@code port}: where clients reach it, e.g. the port the Registry's Service was given. */
  static RegistryJarProcess start(List<String> args, Map<String, String> podEnv, Path workDir, int port)
      throws IOException, InterruptedException {
    String jar = System.getProperty("berth.registry.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("berth.registry.jar must name the built registry jar, was " + jar);
    }
    int debugPort = freePort();
    Path log = workDir.resolve("registry.log");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
    builder.environment().putAll(podEnv);
    builder.environment().put("REGISTRY_HTTP_ADDR", "127.0.0.1:" + port);
    builder.environment().put("REGISTRY_HTTP_DEBUG_ADDR", "127.0.0.1:" + debugPort);
    RegistryJarProcess server = new RegistryJarProcess(builder.start(), log, port);
    server.awaitHealthy(debugPort);
    return server;
  }

  private void awaitHealthy(int debugPort) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + debugPort + "/debug/health"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("registry exited with " + process.exitValue() + "\n" + logText());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("registry not healthy within " + STARTUP_LIMIT + "\n" + logText());
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
