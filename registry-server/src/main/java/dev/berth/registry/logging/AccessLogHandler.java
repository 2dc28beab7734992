package dev.berth.registry.logging;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request when its response is done, with registry:2's field names: method, URI, status, bytes
 * written, duration, remote address and user agent. Installed only when {@code log.accesslog.disabled} is not
 * set; the work per request is one end handler and one log event.
 */
public final class AccessLogHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(LogSetup.ACCESS_LOGGER);

  @Override
  public void handle(RoutingContext ctx) {
    if (LOG.isInfoEnabled()) {
      long start = System.nanoTime();
      ctx.addEndHandler(done -> log(ctx, start));
    }
    ctx.next();
  }

  private static void log(RoutingContext ctx, long start) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    SocketAddress remote = request.remoteAddress();
    String userAgent = request.getHeader("User-Agent");
    LOG.atInfo()
        .addKeyValue("http.request.method", request.method().name())
        .addKeyValue("http.request.uri", request.uri())
        .addKeyValue("http.response.status", response.getStatusCode())
        .addKeyValue("http.response.written", response.bytesWritten())
        .addKeyValue("http.response.duration", duration(System.nanoTime() - start))
        .addKeyValue("http.request.remoteaddr", remote == null ? "" : remote.hostAddress())
        .addKeyValue("http.request.useragent", userAgent == null ? "" : userAgent)
        .log("response completed");
  }

  /** Milliseconds with microsecond precision, in Go's duration syntax ("12.345ms"). */
  static String duration(long nanos) {
    long micros = Math.max(nanos, 0) / 1_000;
    long fraction = micros % 1_000;
    StringBuilder out = new StringBuilder(12).append(micros / 1_000).append('.');
    if (fraction < 100) {
      out.append('0');
    }
    if (fraction < 10) {
      out.append('0');
    }
    return out.append(fraction).append("ms").toString();
  }
}
