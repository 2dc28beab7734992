package dev.berth.registry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into {@code {"errors":[{"code","message","detail"}]}} bodies. A
 * {@link RegistryException} keeps its code; anything else is logged with its stack trace and answered with
 * a bare UNKNOWN error, so a client never sees server internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    RegistryException error = toRegistryException(ctx.statusCode(), failure);
    if (error.code() == ErrorCode.UNKNOWN) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // The body was already streaming; the only honest signal left is to cut the connection.
      ctx.request().connection().close();
      return;
    }
    if (!ctx.request().isEnded()) {
      // Refused before a handler read the body (bad name, denied push): the route table paused the request, so
      // drain and discard the rest, or the client stalls sending into a connection that no longer reads.
      ctx.request().handler(ignored -> { }).resume();
    }
    send(response, error);
  }

  /** Writes an error response; also used by handlers that answer outside the routing failure path. */
  public static void send(HttpServerResponse response, RegistryException error) {
    response.setStatusCode(error.status());
    response.headers().remove("Content-Length").remove("Docker-Content-Digest");
    response.putHeader("Content-Type", "application/json");
    if (error instanceof UnauthorizedException unauthorized) {
      response.putHeader("WWW-Authenticate", unauthorized.challenge());
    }
    response.end(body(error));
  }

  static String body(RegistryException error) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode errors = root.putArray("errors");
    ObjectNode entry = errors.addObject();
    entry.put("code", error.code().name());
    entry.put("message", error.getMessage());
    if (error.detail() != null) {
      entry.set("detail", JSON.valueToTree(error.detail()));
    }
    return root.toString();
  }

  private static RegistryException toRegistryException(int statusCode, Throwable failure) {
    if (failure instanceof RegistryException registryException) {
      return registryException;
    }
    if (failure instanceof HttpException httpException) {
      return fromStatus(httpException.getStatusCode(), httpException.getPayload());
    }
    if (failure == null && statusCode > 0) {
      return fromStatus(statusCode, null);
    }
    return new RegistryException(ErrorCode.UNKNOWN);
  }

  private static RegistryException fromStatus(int status, String message) {
    return switch (status) {
      case 401 -> new RegistryException(ErrorCode.UNAUTHORIZED, message);
      case 403 -> new RegistryException(ErrorCode.DENIED, message);
      case 404 -> new RegistryException(ErrorCode.NAME_UNKNOWN, null, "not found", 404);
      case 405 -> new RegistryException(ErrorCode.UNSUPPORTED, message);
      case 413 -> new RegistryException(ErrorCode.SIZE_INVALID, null, "request body too large", 413);
      case 429 -> new RegistryException(ErrorCode.TOOMANYREQUESTS, message);
      default -> status >= 400 && status < 500
          ? new RegistryException(ErrorCode.UNSUPPORTED, null, message == null ? "bad request" : message, status)
          : new RegistryException(ErrorCode.UNKNOWN);
    };
  }
}
