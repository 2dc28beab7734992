package dev.berth.registry.api;

import dev.berth.registry.storage.BlobStore;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET}, {@code HEAD} and {@code DELETE /v2/<name>/blobs/<digest>}. Content goes out with zero-copy
 * {@code sendfile} when the driver has a local file, else streamed from the driver with backpressure; single
 * byte ranges are served as 206.
 */
public final class BlobHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BlobHandler.class);

  private final RegistryContext context;
  private final BlobStore blobs;

  public BlobHandler(RegistryContext context) {
    this.context = context;
    this.blobs = new BlobStore(context.driver());
  }

  public void get(RoutingContext ctx) {
    serve(ctx, true);
  }

  public void head(RoutingContext ctx) {
    serve(ctx, false);
  }

  /** Removes the blob from the repository only; its content stays for others until garbage collection. */
  public void delete(RoutingContext ctx) {
    ctx.request().resume();
    RepositoryName repository = RouteTable.repository(ctx);
    Digest digest = Digest.parse(ctx.pathParam("digest"));
    context.vertx().executeBlocking(() -> {
      blobs.unlink(repository, digest);
      return null;
    }, false).onSuccess(ignored -> ctx.response()
        .setStatusCode(202)
        .putHeader("Docker-Content-Digest", digest.toString())
        .putHeader("Content-Length", "0")
        .end()).onFailure(ctx::fail);
  }

  private void serve(RoutingContext ctx, boolean withBody) {
    ctx.request().resume();
    RepositoryName repository = RouteTable.repository(ctx);
    Digest digest = Digest.parse(ctx.pathParam("digest"));
    context.vertx().executeBlocking(() -> blobs.size(repository, digest), false)
        .onSuccess(size -> respond(ctx, digest, size, withBody))
        .onFailure(ctx::fail);
  }

  private void respond(RoutingContext ctx, Digest digest, long size, boolean withBody) {
    HttpServerResponse response = ctx.response();
    String etag = "\"" + digest + "\"";
    response.putHeader("Docker-Content-Digest", digest.toString())
        .putHeader("Content-Type", "application/octet-stream")
        .putHeader("Accept-Ranges", "bytes")
        .putHeader("ETag", etag)
        .putHeader("Cache-Control", "max-age=31536000");
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    ByteRange range;
    try {
      range = withBody ? ByteRange.parse(ctx.request().getHeader("Range"), size) : null;
    } catch (ByteRange.UnsatisfiableException e) {
      response.putHeader("Content-Range", "bytes */" + e.size());
      FailureHandler.send(response, e);
      return;
    }
    long offset = range == null ? 0 : range.start();
    long length = range == null ? size : range.length();
    if (range != null) {
      response.setStatusCode(206).putHeader("Content-Range", range.contentRange(size));
    }
    response.putHeader("Content-Length", Long.toString(length));
    if (!withBody) {
      response.end();
      return;
    }
    send(ctx, digest, offset, length);
  }

  private void send(RoutingContext ctx, Digest digest, long offset, long length) {
    Optional<Path> file = blobs.localFile(digest);
    if (file.isPresent()) {
      // sendfile: measured against reading 256 KiB chunks on a worker (BodySender), it moved large blobs faster.
      ctx.response().sendFile(file.get().toString(), offset, length).onFailure(error -> sendFailed(ctx, error));
      return;
    }
    Context vertxContext = context.vertx().getOrCreateContext();
    context.vertx().<InputStream>executeBlocking(() -> blobs.open(digest, offset), false)
        .compose(in -> BodySender.send(vertxContext, in, length, ctx))
        .onFailure(error -> sendFailed(ctx, error));
  }

  private static void sendFailed(RoutingContext ctx, Throwable error) {
    if (ctx.response().closed()) {
      LOG.debug("client left during blob download: {}", error.toString());
    } else {
      ctx.fail(error);
    }
  }
}
