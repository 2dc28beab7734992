package dev.berth.registry.api;

import dev.berth.registry.storage.ManifestStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * {@code GET/HEAD/PUT/DELETE /v2/<name>/manifests/<reference>}. Validation and storage run on worker threads; the
 * body of a push is collected with a 4 MiB limit before anything is parsed.
 */
public final class ManifestHandler {
  /** registry:2's limit, and the size the OCI spec asks registries to accept at least. */
  static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
  /** How much of an oversized body is read and dropped before the connection is cut. */
  private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

  private final RegistryContext context;
  private final ManifestStore store;
  private final Locations locations;

  public ManifestHandler(RegistryContext context) {
    this.context = context;
    this.locations = new Locations(context.options());
    this.store = new ManifestStore(context.driver());
  }

  public void get(RoutingContext ctx) {
    serve(ctx);
  }

  public void head(RoutingContext ctx) {
    serve(ctx);
  }

  public void put(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    ManifestReference reference = ManifestReference.forWrite(ctx.pathParam("reference"));
    String contentType = ctx.request().getHeader("Content-Type");
    BoundedBody.read(ctx.request(), MAX_MANIFEST_BYTES, DISCARD_LIMIT)
        .compose(body -> context.vertx().executeBlocking(
            () -> store(repository, reference, body.getBytes(), contentType), false))
        .onSuccess(pushed -> {
          HttpServerResponse response = ctx.response().setStatusCode(201);
          response.putHeader("Location", locations.manifest(ctx, repository, pushed.digest()));
          response.putHeader("Docker-Content-Digest", pushed.digest().toString());
          if (pushed.subject() != null) {
            response.putHeader("OCI-Subject", pushed.subject().toString());
          }
          response.putHeader("Content-Length", "0").end();
        })
        .onFailure(ctx::fail);
  }

  public void delete(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    ManifestReference reference = ManifestReference.forRead(ctx.pathParam("reference"));
    context.vertx().executeBlocking(() -> remove(repository, reference), false)
        .onSuccess(digest -> ctx.response().setStatusCode(202)
            .putHeader("Docker-Content-Digest", digest.toString())
            .putHeader("Content-Length", "0")
            .end())
        .onFailure(ctx::fail);
  }

  private record Pushed(Digest digest, Digest subject) {
  }

  private record Found(Digest digest, byte[] content, String mediaType) {
  }

  private Pushed store(RepositoryName repository, ManifestReference reference, byte[] body, String contentType)
      throws IOException {
    Digest digest = reference.isTag() ? Digest.sha256Of(body) : hash(body, reference.digest().algorithm());
    if (!reference.isTag() && !digest.equals(reference.digest())) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, reference.digest().toString(),
          "the manifest's " + digest.algorithm() + " digest is " + digest + ", not " + reference.digest());
    }
    ParsedManifest manifest = ManifestParser.parse(body, contentType);
    ManifestReferences.verify(manifest, store.lookup(repository));
    Digest subject = manifest.subject() == null ? null : manifest.subject().digest();
    store.put(repository, digest, body, reference.tag(), subject);
    return new Pushed(digest, subject);
  }

  private static Digest hash(byte[] body, String algorithm) {
    return Digest.of(algorithm, Digest.newHasher(algorithm).digest(body));
  }

  private void serve(RoutingContext ctx) {
    RepositoryName repository = RouteTable.repository(ctx);
    ManifestReference reference = ManifestReference.forRead(ctx.pathParam("reference"));
    context.vertx().executeBlocking(() -> find(repository, reference), false)
        .onSuccess(found -> respond(ctx, found))
        .onFailure(ctx::fail);
  }

  private Found find(RepositoryName repository, ManifestReference reference) throws IOException {
    Digest digest = reference.isTag()
        ? store.tagTarget(repository, reference.tag()).orElseThrow(() -> unknown(repository, reference))
        : reference.digest();
    byte[] content = store.read(repository, digest).orElseThrow(() -> unknown(repository, reference));
    return new Found(digest, content, ManifestSummary.of(content).mediaType());
  }

  private void respond(RoutingContext ctx, Found found) {
    if (!AcceptedTypes.allows(ctx.request().headers().getAll("Accept"), found.mediaType())) {
      ctx.fail(new RegistryException(ErrorCode.MANIFEST_UNKNOWN, found.mediaType(),
          "the manifest is " + found.mediaType() + ", which the request's Accept header does not include"));
      return;
    }
    String etag = "\"" + found.digest() + "\"";
    HttpServerResponse response = ctx.response()
        .putHeader("Docker-Content-Digest", found.digest().toString())
        .putHeader("ETag", etag)
        .putHeader("Content-Type", found.mediaType());
    if (etagMatches(ctx.request().getHeader("If-None-Match"), etag)) {
      response.setStatusCode(304).end();
      return;
    }
    response.setStatusCode(200).putHeader("Content-Length", String.valueOf(found.content().length));
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.end();
    } else {
      response.end(Buffer.buffer(found.content()));
    }
  }

  private static boolean etagMatches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String value = candidate.trim();
      if (value.equals("*") || value.equals(etag) || value.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private Digest remove(RepositoryName repository, ManifestReference reference) throws IOException {
    if (reference.isTag()) {
      Digest target = store.tagTarget(repository, reference.tag())
          .orElseThrow(() -> unknown(repository, reference));
      if (!store.untag(repository, reference.tag())) {
        throw unknown(repository, reference);
      }
      return target;
    }
    byte[] content = store.read(repository, reference.digest()).orElse(null);
    Digest subject = content == null ? null : ManifestSummary.of(content).subject();
    if (!store.delete(repository, reference.digest(), subject)) {
      throw unknown(repository, reference);
    }
    return reference.digest();
  }

  private static RegistryException unknown(RepositoryName repository, ManifestReference reference) {
    return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, reference.toString(),
        "manifest " + reference + " is unknown in " + repository);
  }
}
