package dev.berth.registry.api;

import dev.berth.registry.storage.UploadStore;
import dev.berth.registry.storage.UploadStore.Status;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers of upload responses, and the {@code _state} check on upload URLs. Kept apart from the handler so
 * that what a client is told about a session is decided in one place.
 */
final class UploadResponses {
  private final Locations locations;
  private final String secret;

  /** A chunk that does not start where the session ends: 416 with the session's real Range. */
  static final class OutOfOrderException extends RegistryException {
    private final transient Status status;
    private final long size;

    OutOfOrderException(Status status, long size, ContentRange range) {
      super(ErrorCode.RANGE_INVALID, range.start() + "-" + range.end(),
          "chunk starts at " + range.start() + " but the upload holds " + size + " bytes");
      this.status = status;
      this.size = size;
    }

    Status session() {
      return status;
    }

    long size() {
      return size;
    }
  }

  UploadResponses(Locations locations, String secret) {
    this.locations = locations;
    this.secret = secret == null || secret.isEmpty() ? null : secret;
  }

  /**
   * The session id of an upload URL, after checking its {@code _state} (when a secret is configured and the
   * client sent one). An id that does not belong to this repository is unknown here.
   */
  String checkSession(RoutingContext ctx, RepositoryName repository) {
    String id = ctx.pathParam("uuid");
    if (!UploadStore.isValidId(id)) {
      throw unknown(id);
    }
    String token = ctx.request().getParam("_state");
    if (token != null && secret != null) {
      UploadState state = UploadState.unpack(token, secret);
      if (!state.name().equals(repository.value()) || !state.uuid().equals(id)) {
        throw unknown(id);
      }
    }
    return id;
  }

  /** 202 (session started or chunk accepted) or 204 (status): where to continue, and what is stored. */
  void progress(RoutingContext ctx, Status status, long size, int code) {
    rangeHeaders(ctx, status, size);
    ctx.response().setStatusCode(code).putHeader("Content-Length", "0").end();
  }

  /** 201: the blob exists in the repository. */
  void created(RoutingContext ctx, RepositoryName repository, Digest digest) {
    ctx.response().setStatusCode(201)
        .putHeader("Location", locations.blob(ctx, repository, digest))
        .putHeader("Docker-Content-Digest", digest.toString())
        .putHeader("Content-Length", "0")
        .end();
  }

  void rangeHeaders(RoutingContext ctx, Status status, long size) {
    String state = secret == null ? null
        : new UploadState(status.repository().value(), status.id(), size, status.startedAt()).pack(secret);
    ctx.response()
        .putHeader("Location", locations.upload(ctx, status.repository(), status.id(), state))
        .putHeader("Docker-Upload-UUID", status.id())
        // registry:2 reports an empty session as 0-0, not as an empty range.
        .putHeader("Range", "0-" + Math.max(0, size - 1));
  }

  private static RegistryException unknown(String id) {
    return new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, id, "blob upload unknown to registry: " + id);
  }
}
