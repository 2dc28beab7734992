package dev.berth.registry.api;

import dev.berth.registry.storage.BlobStore;
import dev.berth.registry.storage.UploadStore;
import dev.berth.registry.storage.UploadStore.Upload;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob upload endpoints: {@code POST /v2/<name>/blobs/uploads/} (new session, monolithic upload with
 * {@code ?digest=}, cross-repository mount with {@code ?mount=&from=}) and {@code GET|PATCH|PUT|DELETE} on
 * {@code /v2/<name>/blobs/uploads/<uuid>}. Bodies are streamed into storage, never buffered whole.
 */
public final class UploadHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);

  private final RegistryContext context;
  private final BlobStore blobs;
  private final UploadStore uploads;
  private final UploadResponses responses;

  public UploadHandler(RegistryContext context) {
    this.context = context;
    this.blobs = new BlobStore(context.driver());
    this.uploads = new UploadStore(context.driver(), blobs);
    this.responses = new UploadResponses(new Locations(context.options()), context.options().httpSecret());
  }

  /** POST: a new session, a monolithic upload, or a mount. */
  public void start(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    String digest = ctx.request().getParam("digest");
    if (digest != null) {
      Digest parsed;
      try {
        parsed = Digest.parse(digest);
      } catch (RegistryException e) {
        failed(ctx, e);
        return;
      }
      monolithic(ctx, repository, parsed);
      return;
    }
    ctx.request().resume();
    MountRequest mount = MountRequest.of(ctx, context, repository);
    if (mount == null) {
      newSession(ctx, repository);
      return;
    }
    blocking(() -> blobs.mount(mount.from(), repository, mount.digest())).onSuccess(size -> {
      if (size.isPresent()) {
        responses.created(ctx, repository, mount.digest());
      } else {
        newSession(ctx, repository);
      }
    }).onFailure(ctx::fail);
  }

  /** GET: how many bytes the session holds. */
  public void status(RoutingContext ctx) {
    ctx.request().resume();
    RepositoryName repository = RouteTable.repository(ctx);
    String id = responses.checkSession(ctx, repository);
    blocking(() -> uploads.status(repository, id))
        .onSuccess(status -> responses.progress(ctx, status, status.size(), 204))
        .onFailure(ctx::fail);
  }

  /** PATCH: appends a chunk (with Content-Range) or a stream (without). */
  public void patch(RoutingContext ctx) {
    RepositoryName repository;
    String id;
    ContentRange range;
    try {
      repository = RouteTable.repository(ctx);
      id = responses.checkSession(ctx, repository);
      range = checkedRange(ctx.request());
    } catch (RegistryException e) {
      failed(ctx, e);
      return;
    }
    withUpload(ctx, repository, id, upload -> {
      checkOffset(upload, range);
      return appendBody(ctx, upload).map(ignored -> upload);
    }).onSuccess(upload -> responses.progress(ctx, upload.status(), upload.size(), 202))
        .onFailure(error -> failed(ctx, error));
  }

  /** PUT: appends an optional last chunk, verifies the digest and creates the blob. */
  public void complete(RoutingContext ctx) {
    RepositoryName repository;
    String id;
    Digest digest;
    ContentRange range;
    try {
      repository = RouteTable.repository(ctx);
      id = responses.checkSession(ctx, repository);
      digest = Digest.parse(ctx.request().getParam("digest"));
      range = checkedRange(ctx.request());
    } catch (RegistryException e) {
      failed(ctx, e);
      return;
    }
    withUpload(ctx, repository, id, upload -> {
      checkOffset(upload, range);
      Future<Void> body = hasBody(ctx.request()) ? appendBody(ctx, upload) : resumed(ctx);
      return body.compose(ignored -> blocking(() -> upload.complete(digest)));
    }).onSuccess(size -> responses.created(ctx, repository, digest))
        .onFailure(error -> failed(ctx, error));
  }

  /** DELETE: discards the session. */
  public void cancel(RoutingContext ctx) {
    ctx.request().resume();
    RepositoryName repository = RouteTable.repository(ctx);
    String id = responses.checkSession(ctx, repository);
    withUpload(ctx, repository, id, upload -> blocking(() -> {
      upload.cancel();
      return null;
    })).onSuccess(ignored -> ctx.response().setStatusCode(204).putHeader("Content-Length", "0").end())
        .onFailure(error -> failed(ctx, error));
  }

  private void newSession(RoutingContext ctx, RepositoryName repository) {
    blocking(() -> uploads.start(repository))
        .onSuccess(status -> responses.progress(ctx, status, 0, 202))
        .onFailure(ctx::fail);
  }

  /** POST with ?digest=: the whole blob in one request; a failed attempt leaves no session behind. */
  private void monolithic(RoutingContext ctx, RepositoryName repository, Digest digest) {
    blocking(() -> uploads.start(repository))
        .compose(status -> withUpload(ctx, repository, status.id(), upload -> appendBody(ctx, upload)
            .compose(ignored -> blocking(() -> upload.complete(digest)))
            .recover(error -> blocking(() -> {
              upload.cancel();
              return null;
            }).transform(ignored -> Future.<Long>failedFuture(error)))))
        .onSuccess(size -> responses.created(ctx, repository, digest))
        .onFailure(error -> failed(ctx, error));
  }

  /** Runs an action while holding the session, releasing it afterwards whatever happened. */
  private <T> Future<T> withUpload(RoutingContext ctx, RepositoryName repository, String id,
      Function<Upload, Future<T>> action) {
    return blocking(() -> uploads.acquire(repository, id)).compose(upload -> {
      Future<T> result;
      try {
        result = action.apply(upload);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.transform(outcome -> blocking(() -> {
        upload.close();
        return null;
      }).transform(closed -> {
        if (outcome.failed()) {
          return Future.failedFuture(outcome.cause());
        }
        return closed.failed() ? Future.failedFuture(closed.cause()) : Future.succeededFuture(outcome.result());
      }));
    });
  }

  private Future<Void> appendBody(RoutingContext ctx, Upload upload) {
    var eventLoop = context.vertx().getOrCreateContext();
    return blocking(upload::append)
        .compose(writer -> RequestBodyPump.pump(eventLoop, ctx, new FileWriterStream(eventLoop, writer)));
  }

  private static Future<Void> resumed(RoutingContext ctx) {
    ctx.request().resume();
    return Future.succeededFuture();
  }

  private static void checkOffset(Upload upload, ContentRange range) {
    if (range != null && range.start() != upload.size()) {
      throw new UploadResponses.OutOfOrderException(upload.status(), upload.size(), range);
    }
  }

  /** The chunk's Content-Range, checked against Content-Length when the client sent both. */
  private static ContentRange checkedRange(HttpServerRequest request) {
    ContentRange range = ContentRange.parse(request.getHeader("Content-Range"));
    String contentLength = request.getHeader("Content-Length");
    if (range != null && contentLength != null && !contentLength.trim().equals(Long.toString(range.length()))) {
      throw new RegistryException(ErrorCode.SIZE_INVALID, contentLength,
          "Content-Length " + contentLength + " does not match Content-Range " + range.start() + "-" + range.end());
    }
    return range;
  }

  private static boolean hasBody(HttpServerRequest request) {
    String contentLength = request.getHeader("Content-Length");
    if (contentLength != null) {
      return !contentLength.trim().equals("0");
    }
    return request.getHeader("Transfer-Encoding") != null;
  }

  private void failed(RoutingContext ctx, Throwable error) {
    HttpServerResponse response = ctx.response();
    if (error instanceof RequestBodyPump.BodyInterruptedException) {
      if (response.closed()) {
        LOG.debug("client left mid-upload; the session keeps the bytes that arrived: {}", error.getMessage());
        return;
      }
      error = new RegistryException(ErrorCode.BLOB_UPLOAD_INVALID, null, "request body ended early");
    }
    if (error instanceof UploadResponses.OutOfOrderException outOfOrder) {
      responses.rangeHeaders(ctx, outOfOrder.session(), outOfOrder.size());
    }
    // Drop any body we did not read, so the client can read the error.
    ctx.request().resume();
    ctx.fail(error);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return context.vertx().executeBlocking(work, false);
  }
}
