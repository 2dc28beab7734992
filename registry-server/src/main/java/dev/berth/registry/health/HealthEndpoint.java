package dev.berth.registry.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * {@code GET /debug/health} as distribution answers it: 200 with {@code {}} when every check passes, 503 with
 * an object mapping each failing check to its error otherwise. Needs no credentials: it is served on the debug
 * listener ({@code http.debug.addr}), which probes reach and clients do not.
 */
public final class HealthEndpoint implements Handler<HttpServerRequest> {
  public static final String PATH = "/debug/health";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HealthMonitor monitor;

  public HealthEndpoint(HealthMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (!PATH.equals(request.path())) {
      request.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("404 page not found\n");
      return;
    }
    Map<String, String> failures = monitor.failures();
    request.response()
        .setStatusCode(failures.isEmpty() ? 200 : 503)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(toJson(failures));
  }

  private static String toJson(Map<String, String> failures) {
    try {
      return JSON.writeValueAsString(failures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serializes", e);
    }
  }
}
