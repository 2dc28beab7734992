package dev.berth.registry.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a request body into a {@link FileWriterStream}, pausing the request while the writer's queue is full.
 * The result completes once the body has ended and every byte is written; it fails with
 * {@link BodyInterruptedException} when the client went away mid-body (the bytes that arrived are still
 * written first, so the upload can be resumed), or with the writer's error.
 */
final class RequestBodyPump {
  private static final Logger LOG = LoggerFactory.getLogger(RequestBodyPump.class);

  /** The body ended early: the client disconnected or reset the stream. */
  static final class BodyInterruptedException extends RuntimeException {
    BodyInterruptedException(Throwable cause) {
      super("request body interrupted: " + cause.getMessage(), cause, false, false);
    }
  }

  private final Context context;
  private final RoutingContext routing;
  private final HttpServerRequest request;
  private final FileWriterStream sink;
  private final Promise<Void> done = Promise.promise();
  private boolean interrupted;

  private RequestBodyPump(Context context, RoutingContext routing, FileWriterStream sink) {
    this.context = context;
    this.routing = routing;
    this.request = routing.request();
    this.sink = sink;
  }

  static Future<Void> pump(Context context, RoutingContext routing, FileWriterStream sink) {
    return new RequestBodyPump(context, routing, sink).start();
  }

  private Future<Void> start() {
    sink.exceptionHandler(this::sinkFailed);
    request.handler(buffer -> {
      sink.write(buffer);
      if (sink.writeQueueFull()) {
        request.pause();
        sink.drainHandler(ignored -> request.resume());
      }
    });
    request.exceptionHandler(this::interrupted);
    request.endHandler(ignored -> sink.end().onComplete(result -> {
      if (result.succeeded()) {
        done.tryComplete();
      } else {
        done.tryFail(result.cause());
      }
    }));
    // Through the routing context, so that other end handlers (the access log) keep theirs.
    routing.addEndHandler(result -> {
      if (result.failed()) {
        interrupted(result.cause());
      }
    });
    if (request.response().closed()) {
      interrupted(new HttpClosedException("connection closed before the body was read"));
      return done.future();
    }
    // A client that asked to wait (curl does for bodies over 1 MiB) may send now: the session was found and
    // accepted this request. Had it been refused, the client got the error without sending the body.
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !request.response().headWritten()) {
      request.response().writeContinue();
    }
    request.resume();
    return done.future();
  }

  private void interrupted(Throwable error) {
    if (interrupted) {
      return;
    }
    interrupted = true;
    LOG.debug("request body interrupted: {}", error.toString());
    // Take the bytes still queued in the request (it may be paused for backpressure), then stop.
    request.resume();
    context.runOnContext(ignored ->
        sink.end().onComplete(written -> done.tryFail(new BodyInterruptedException(error))));
  }

  private void sinkFailed(Throwable error) {
    request.handler(null);
    // Keep draining the socket so that the client can read the error response.
    request.resume();
    done.tryFail(error);
  }
}
