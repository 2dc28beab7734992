package dev.berth.registry.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Collects a small request body (a manifest) with a hard size limit, failing with 413 MANIFEST_INVALID as soon as
 * the limit is passed instead of buffering whatever a client sends. The rest of an oversized body is read and
 * dropped so that the client, still sending, receives the 413 rather than a reset; past {@code discardLimit}
 * further bytes the connection is closed.
 */
public final class BoundedBody {

  private BoundedBody() {
  }

  public static Future<Buffer> read(HttpServerRequest request, int limit, long discardLimit) {
    Promise<Buffer> promise = Promise.promise();
    String declared = request.getHeader("Content-Length");
    if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > limit) {
      promise.fail(tooLarge(limit));
    }
    Buffer body = Buffer.buffer();
    long[] dropped = {0};
    request.handler(chunk -> {
      if (promise.future().isComplete()) {
        dropped[0] += chunk.length();
        if (dropped[0] > discardLimit) {
          request.connection().close();
        }
      } else if (body.length() + chunk.length() > limit) {
        promise.tryFail(tooLarge(limit));
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> promise.tryComplete(body));
    // A client that goes away mid-body is not a server fault: report it as such rather than as UNKNOWN.
    request.exceptionHandler(failure -> promise.tryFail(new RegistryException(ErrorCode.MANIFEST_INVALID, null,
        "the manifest body was not received completely")));
    request.resume();
    return promise.future();
  }

  private static RegistryException tooLarge(int limit) {
    return new RegistryException(ErrorCode.MANIFEST_INVALID, java.util.Map.of("limit", limit),
        "manifest exceeds the " + limit + "-byte limit", 413);
  }
}
