package dev.berth.registry.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/** Waits until a registry process answers {@code GET /v2/} (200, or 401 when it asks for credentials). */
public final class ReadinessProbe {
  private ReadinessProbe() {
  }

  /**
   * Polls until the registry answers, failing early with its log when the process exits.
   *
   * @param tls the client TLS context, or null for plain HTTP
   */
  public static void await(Process process, URI base, SSLContext tls, Duration limit, Supplier<String> logTail)
      throws IOException, InterruptedException {
    HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
    if (tls != null) {
      clientBuilder.sslContext(tls);
    }
    HttpClient client = clientBuilder.build();
    HttpRequest probe = HttpRequest.newBuilder(base.resolve("/v2/")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("registry exited with " + process.exitValue() + " before answering\n"
            + logTail.get());
      }
      try {
        int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (ConnectException notListeningYet) {
        // keep polling
      } catch (IOException startingUp) {
        // reset or handshake failure while the server starts
      }
      Thread.sleep(100);
    }
    throw new IOException("registry did not answer GET /v2/ within " + limit + "\n" + logTail.get());
  }
}
