package dev.berth.bench;

import dev.berth.bench.http.HttpConnection;
import dev.berth.bench.registry.RegistryClient;
import dev.berth.bench.server.ServerProcess;
import dev.berth.bench.server.ServerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A started server (or the reason it did not start) with the benchmark's pool of connections to it. */
final class ServerUnderTest implements AutoCloseable {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final ServerProcess process;
  private final String startFailure;
  private final List<RegistryClient> clients = new ArrayList<>();

  private ServerUnderTest(String name, ServerProcess process, String startFailure, int connections) {
    this.name = name;
    this.process = process;
    this.startFailure = startFailure;
    if (process != null) {
      for (int i = 0; i < connections; i++) {
        clients.add(new RegistryClient(new HttpConnection(process.address(), READ_TIMEOUT)));
      }
    }
  }

  static ServerUnderTest start(ServerSpec spec, Path directory, String secret, int connections) {
    try {
      Files.createDirectories(directory);
      return new ServerUnderTest(spec.name(), ServerProcess.start(spec, directory, secret), null, connections);
    } catch (IOException | RuntimeException e) {
      return new ServerUnderTest(spec.name(), null, "did not start: " + e.getMessage(), connections);
    }
  }

  String name() {
    return name;
  }

  boolean running() {
    return process != null;
  }

  /** Why every row fails on this server, or null while it is up. */
  String unavailable() {
    if (process == null) {
      return startFailure;
    }
    return process.isAlive() ? null : "server process exited with status " + process.exitValue() + "; log tail: "
        + process.logTail();
  }

  /** Steps the clients retried after a 5xx answer from this server. */
  int retries() {
    return clients.stream().mapToInt(RegistryClient::retries).sum();
  }

  ServerProcess process() {
    return process;
  }

  List<RegistryClient> clients() {
    return clients;
  }

  @Override
  public void close() {
    clients.forEach(RegistryClient::close);
    if (process != null) {
      process.close();
    }
  }
}
