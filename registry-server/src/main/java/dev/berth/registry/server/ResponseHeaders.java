package dev.berth.registry.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** Adds {@code http.headers} to every response, as registry:2 does (its image sets X-Content-Type-Options). */
final class ResponseHeaders implements Handler<RoutingContext> {
  private final List<Map.Entry<String, List<String>>> headers;

  ResponseHeaders(Map<String, List<String>> headers) {
    this.headers = List.copyOf(headers.entrySet());
  }

  @Override
  public void handle(RoutingContext ctx) {
    for (int i = 0; i < headers.size(); i++) {
      Map.Entry<String, List<String>> header = headers.get(i);
      ctx.response().putHeader(header.getKey(), header.getValue());
    }
    ctx.next();
  }
}
