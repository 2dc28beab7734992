package dev.berth.registry.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends part of a blob from a blocking {@link InputStream} (drivers without local files) to a response: each
 * chunk is read on a worker, written on the event loop, and the next read waits while the response's queue is
 * full, so a slow client never makes the server hold the blob in memory.
 */
final class InputStreamSender {
  private static final int CHUNK = 64 * 1024;

  private final Context context;
  private final InputStream in;
  private final HttpServerResponse response;
  private final Promise<Void> done = Promise.promise();
  private long remaining;

  private InputStreamSender(Context context, InputStream in, long length, HttpServerResponse response) {
    this.context = context;
    this.in = in;
    this.remaining = length;
    this.response = response;
  }

  /** Streams length bytes (the stream is positioned at the first one), ends the response, closes the stream. */
  static Future<Void> send(Context context, InputStream in, long length, RoutingContext routing) {
    InputStreamSender sender = new InputStreamSender(context, in, length, routing.response());
    // Through the routing context, so that other end handlers (the access log) keep theirs.
    routing.addEndHandler(result -> sender.finish(result.failed() ? result.cause() : null));
    sender.readNext();
    return sender.done.future();
  }

  private void readNext() {
    if (done.future().isComplete()) {
      return;
    }
    if (remaining == 0) {
      response.end().onComplete(result -> finish(result.failed() ? result.cause() : null));
      return;
    }
    int wanted = (int) Math.min(CHUNK, remaining);
    context.executeBlocking(() -> in.readNBytes(wanted), false).onComplete(result -> {
      if (result.failed()) {
        finish(result.cause());
        return;
      }
      byte[] chunk = result.result();
      if (chunk.length == 0) {
        finish(new IOException("blob content ended " + remaining + " bytes early"));
        return;
      }
      remaining -= chunk.length;
      response.write(Buffer.buffer(chunk));
      if (response.writeQueueFull()) {
        response.drainHandler(ignored -> readNext());
      } else {
        readNext();
      }
    });
  }

  private void finish(Throwable failure) {
    if (done.future().isComplete()) {
      return;
    }
    context.executeBlocking(() -> {
      in.close();
      return null;
    }, false);
    if (failure == null) {
      done.complete();
    } else {
      done.fail(failure);
    }
  }
}
