package dev.berth.bench.server;

import dev.berth.bench.http.HttpConnection;
import dev.berth.bench.http.HttpRequest;
import dev.berth.bench.http.HttpResponse;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One registry server process on a free loopback port with fresh filesystem storage. Measures the time from
 * process start to the first successful {@code GET /v2/} and samples the process's resident memory until it stops.
 */
public final class ServerProcess implements Closeable {
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

  private final String name;
  private final Process process;
  private final InetSocketAddress address;
  private final Path log;
  private final MemorySampler memory;
  private final long startupNanos;

  private ServerProcess(String name, Process process, InetSocketAddress address, Path log, long startupNanos) {
    this.name = name;
    this.process = process;
    this.address = address;
    this.log = log;
    this.startupNanos = startupNanos;
    this.memory = MemorySampler.start(process.pid());
  }

  /** Starts the server in {@code directory} (config, storage and log go there) and waits until it answers. */
  public static ServerProcess start(ServerSpec spec, Path directory, String secret) throws IOException {
    Path storage = Files.createDirectories(directory.resolve("storage"));
    int port = freePort();
    Path config = RegistryConfigFile.write(directory, storage, port, secret);
    Path log = directory.resolve("server.log");
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    List<String> command = spec.command().apply(config);
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      long ready = awaitFirstSuccess(spec.name(), process, address, log, begin);
      return new ServerProcess(spec.name(), process, address, log, ready - begin);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static long awaitFirstSuccess(String name, Process process, InetSocketAddress address, Path log,
      long begin) throws IOException {
    HttpRequest probe = HttpRequest.of("GET", "/v2/");
    while (System.nanoTime() - begin < STARTUP_LIMIT.toNanos()) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with status " + process.exitValue() + " before answering; log:\n"
            + tail(log));
      }
      try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
        HttpResponse response = connection.exchange(probe);
        if (response.status() == 200) {
          return System.nanoTime();
        }
      } catch (IOException notYetListening) {
        // keep polling until the limit
      }
      sleep(5);
    }
    throw new IOException(name + " did not answer GET /v2/ with 200 within " + STARTUP_LIMIT + "; log:\n"
        + tail(log));
  }

  public String name() {
    return name;
  }

  public InetSocketAddress address() {
    return address;
  }

  public long pid() {
    return process.pid();
  }

  public double startupMillis() {
    return startupNanos / 1e6;
  }

  /** Peak resident memory seen so far (kernel high-water mark and samples), in MiB. */
  public double peakResidentMib() {
    return memory.peakKib() / 1024.0;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status once the process is gone (143: SIGTERM, 137: SIGKILL from outside). */
  public int exitValue() {
    return process.exitValue();
  }

  public String logTail() {
    return tail(log);
  }

  @Override
  public void close() {
    memory.stop();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server", e);
    }
  }
}
