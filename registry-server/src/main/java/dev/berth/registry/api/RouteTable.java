package dev.berth.registry.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one route table of the registry API: every endpoint of the Docker Registry HTTP API V2 and the OCI
 * Distribution Specification v1.1, the action it needs, and the handler that serves it. Every request is first
 * checked for path tricks, then authenticated; each route then checks its action on its repository.
 *
 * <p>Write routes exist in every mode; in read-only mode, and for deletes that are not enabled, they answer
 * 405 UNSUPPORTED as registry:2 does, rather than 404, so clients learn why.
 */
public final class RouteTable {
  public static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
  public static final String API_VERSION = "registry/2.0";
  static final String PRINCIPAL = "berth.principal";
  private static final String NAME = "(?<name>[^?]+?)";

  private RouteTable() {
  }

  public static Router create(RegistryContext context) {
    Router router = Router.router(context.vertx());
    BaseHandler base = new BaseHandler(context);
    BlobHandler blobs = new BlobHandler(context);
    UploadHandler uploads = new UploadHandler(context);
    ManifestHandler manifests = new ManifestHandler(context);
    TagsHandler tags = new TagsHandler(context);
    CatalogHandler catalog = new CatalogHandler(context);
    ReferrersHandler referrers = new ReferrersHandler(context);

    router.route().handler(ctx -> {
      ctx.response().putHeader(API_VERSION_HEADER, API_VERSION);
      ctx.next();
    });
    router.route().handler(PathGuard::check);
    router.route().handler(ctx -> authenticate(context, ctx));

    route(router, context, HttpMethod.GET, "^/v2/?$", null, base::check);
    route(router, context, HttpMethod.GET, "^/v2/_catalog$", null, catalog::list);

    route(router, context, HttpMethod.GET, "^/v2/" + NAME + "/tags/list$", Action.PULL, tags::list);

    route(router, context, HttpMethod.GET, "^/v2/" + NAME + "/referrers/(?<digest>[^/]+)$", Action.PULL,
        referrers::list);

    route(router, context, HttpMethod.GET, manifestPath(), Action.PULL, manifests::get);
    route(router, context, HttpMethod.HEAD, manifestPath(), Action.PULL, manifests::head);
    route(router, context, HttpMethod.PUT, manifestPath(), Action.PUSH, write(context, manifests::put));
    route(router, context, HttpMethod.DELETE, manifestPath(), Action.DELETE, delete(context, manifests::delete));

    route(router, context, HttpMethod.POST, "^/v2/" + NAME + "/blobs/uploads/?$", Action.PUSH,
        write(context, uploads::start));
    route(router, context, HttpMethod.GET, uploadPath(), Action.PUSH, uploads::status);
    route(router, context, HttpMethod.PATCH, uploadPath(), Action.PUSH, write(context, uploads::patch));
    route(router, context, HttpMethod.PUT, uploadPath(), Action.PUSH, write(context, uploads::complete));
    route(router, context, HttpMethod.DELETE, uploadPath(), Action.PUSH, write(context, uploads::cancel));

    route(router, context, HttpMethod.GET, blobPath(), Action.PULL, blobs::get);
    route(router, context, HttpMethod.HEAD, blobPath(), Action.PULL, blobs::head);
    route(router, context, HttpMethod.DELETE, blobPath(), Action.DELETE, delete(context, blobs::delete));

    router.route().handler(ctx -> ctx.fail(new RegistryException(ErrorCode.NAME_UNKNOWN, null,
        "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), 404)));
    router.route().failureHandler(new FailureHandler());
    return router;
  }

  /** The caller of this request, set by the authentication step. */
  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    return principal != null ? principal : Principal.ANONYMOUS;
  }

  /** The repository named in the request path. */
  public static RepositoryName repository(RoutingContext ctx) {
    return new RepositoryName(ctx.pathParam("name"));
  }

  /** Throws DENIED (or UNAUTHORIZED for an anonymous caller) unless the caller may act on the repository. */
  public static void authorize(RegistryContext context, RoutingContext ctx, RepositoryName repository,
      Action action) {
    Principal principal = principal(ctx);
    if (!context.access().allowed(principal, repository, action)) {
      throw principal.anonymous()
          ? context.access().unauthorized()
          : new RegistryException(ErrorCode.DENIED, null,
              "requested access to " + repository + " (" + action.configName() + ") is denied");
    }
  }

  private static String manifestPath() {
    return "^/v2/" + NAME + "/manifests/(?<reference>[^/]+)$";
  }

  private static String uploadPath() {
    return "^/v2/" + NAME + "/blobs/uploads/(?<uuid>[^/]+)$";
  }

  private static String blobPath() {
    return "^/v2/" + NAME + "/blobs/(?<digest>[^/]+)$";
  }

  private static void route(Router router, RegistryContext context, HttpMethod method, String regex,
      Action action, Handler<RoutingContext> handler) {
    router.routeWithRegex(method, regex).handler(ctx -> {
      if (action != null) {
        authorize(context, ctx, repository(ctx), action);
      }
      handler.handle(ctx);
    });
  }

  private static void authenticate(RegistryContext context, RoutingContext ctx) {
    // Authentication may complete on a worker thread; hold the body until a handler consumes it.
    ctx.request().pause();
    context.access().authenticate(ctx.request()).onComplete(result -> {
      if (result.succeeded()) {
        ctx.put(PRINCIPAL, result.result());
        ctx.next();
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  private static Handler<RoutingContext> write(RegistryContext context, Handler<RoutingContext> handler) {
    return ctx -> {
      if (context.options().readOnly()) {
        throw new RegistryException(ErrorCode.UNSUPPORTED, null, "the registry is in read-only mode");
      }
      handler.handle(ctx);
    };
  }

  private static Handler<RoutingContext> delete(RegistryContext context, Handler<RoutingContext> handler) {
    return write(context, ctx -> {
      if (!context.options().deleteEnabled()) {
        throw new RegistryException(ErrorCode.UNSUPPORTED, null,
            "deletes are disabled (set storage.delete.enabled: true)");
      }
      handler.handle(ctx);
    });
  }
}
