package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real jar the way the README and the container image do. */
class MainIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void serveWithoutConfigUsesImageDefaultsWithEnvironmentOverrides() throws Exception {
    int port = freePort();
    Running registry = start(dir, Map.of("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", "./data",
        "REGISTRY_HTTP_ADDR", "127.0.0.1:" + port), "serve");

    registry.awaitListening();
    HttpResponse<String> response = get(port, "/v2/");

    assertThat(registry.output()).contains("listening on 127.0.0.1:" + port);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    // The relative root is resolved against the working directory.
    assertThat(dir.resolve("data")).isDirectory();
  }

  /** Needs the real BaseHandler (the placeholder answers 405). */
  @Test
  void baseEndpointAnswersOk() throws Exception {
    int port = freePort();
    Running registry = start(dir, Map.of("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", dir.toString(),
        "REGISTRY_HTTP_ADDR", "127.0.0.1:" + port), "serve");

    registry.awaitListening();

    assertThat(get(port, "/v2/").statusCode()).isEqualTo(200);
  }

  @Test
  void sigtermStopsGracefully() throws Exception {
    int port = freePort();
    Running registry = start(dir, Map.of("REGISTRY_STORAGE", "inmemory", "REGISTRY_HTTP_ADDR", "127.0.0.1:" + port,
        "REGISTRY_HTTP_DRAINTIMEOUT", "5s"), "serve");
    registry.awaitListening();

    // SIGTERM through the handle: Process.destroy() would also close our end of its output.
    assertThat(registry.process.toHandle().destroy()).isTrue();

    assertThat(registry.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(registry.process.exitValue()).isEqualTo(143);
    await().atMost(STARTUP).untilAsserted(() -> assertThat(registry.output()).contains("msg=\"stopped\""));
  }

  @Test
  void seedGuideConfigStartsAndNamesTheKeysItIgnores() throws Exception {
    Path config = dir.resolve("config.yml");
    try (InputStream seed = MainIT.class.getResourceAsStream("/seed-001-config.yml")) {
      Files.copy(seed, config);
    }
    int port = freePort();
    Running registry = start(dir, Map.of("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", dir.resolve("data").toString(),
        "REGISTRY_HTTP_ADDR", "127.0.0.1:" + port), "serve", config.toString());

    registry.awaitListening();

    assertThat(registry.output()).contains("unknown key tls ignored; it probably belongs at http.tls")
        .contains("unknown key headers ignored; it probably belongs at http.headers")
        .contains("unknown key storagedriver ignored; it probably belongs at health.storagedriver");
  }

  @Test
  void invalidValueExitsOneWithOneLineNamingIt() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"),
        "version: 0.1\nlog:\n  level: verbose\nstorage:\n  inmemory: {}\n");

    Finished result = run(dir, Map.of(), "serve", config.toString());

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.stderrLines()).containsExactly(
        "error: invalid value for log.level: \"verbose\" (expected error, warn, info or debug)");
  }

  @Test
  void missingConfigFileExitsOne() throws Exception {
    Path missing = dir.resolve("missing.yml");

    Finished result = run(dir, Map.of(), "serve", missing.toString());

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.stderrLines()).containsExactly("error: config file " + missing + " does not exist");
  }

  @Test
  void yamlSyntaxErrorExitsOneWithoutAStackTrace() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), "version: 0.1\nstorage: [\n");

    Finished result = run(dir, Map.of(), "serve", config.toString());

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderrLines().get(0)).contains("YAML syntax error at line");
    assertThat(result.stdout).doesNotContain("\tat ");
  }

  @Test
  void aMissingHtpasswdFileExitsOneNamingIt() throws Exception {
    Finished result = run(dir, Map.of("REGISTRY_STORAGE", "inmemory", "REGISTRY_AUTH", "htpasswd",
        "REGISTRY_AUTH_HTPASSWD_REALM", "Registry Realm", "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd"), "serve");

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderrLines().get(0)).startsWith("error: auth.htpasswd.path /auth/htpasswd does not exist");
  }

  @Test
  void versionPrintsTheVersion() throws Exception {
    Finished result = run(dir, Map.of(), "--version");

    assertThat(result.exitCode).isZero();
    assertThat(result.stdout).startsWith("berth-registry ");
  }

  @Test
  void unknownCommandExitsOne() throws Exception {
    Finished result = run(dir, Map.of(), "frobnicate");

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.stderrLines()).hasSize(1);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private ProcessBuilder command(Path workingDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_"));
    builder.environment().putAll(env);
    return builder;
  }

  private Running start(Path workingDir, Map<String, String> env, String... args) throws IOException {
    Process process = command(workingDir, env, args).redirectErrorStream(true).start();
    processes.add(process);
    return new Running(process);
  }

  private Finished run(Path workingDir, Map<String, String> env, String... args) throws Exception {
    Process process = command(workingDir, env, args).start();
    processes.add(process);
    assertThat(process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return new Finished(process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()));
  }

  private static String jar() {
    String jar = System.getProperty("berth.registry.jar");
    assertThat(jar).as("system property berth.registry.jar (set by failsafe)").isNotNull();
    return jar;
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private record Finished(int exitCode, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  /** A running registry whose output is collected line by line. */
  private static final class Running {
    final Process process;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    Running(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException ignored) {
          // the process ended
        }
      }, "registry-output");
      reader.setDaemon(true);
      reader.start();
    }

    void awaitListening() {
      await().atMost(STARTUP).until(() -> output().contains("listening on") || !process.isAlive());
      assertThat(output()).as("registry output").contains("listening on");
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }
}
