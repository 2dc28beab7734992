package dev.berth.registry.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * URLs the API hands back. Paths include the mount point ({@code http.prefix}). {@code Location} headers are
 * absolute unless {@code http.relativeurls} is set, as on registry:2: built from {@code http.host} when
 * configured, else from the request ({@code X-Forwarded-Proto}/{@code X-Forwarded-Host} first, as behind a proxy).
 * {@code Link} headers stay relative, as registry:2's are.
 */
public final class ResponseUrls {

  private ResponseUrls() {
  }

  /** The path of an API URL under this router's mount point. */
  public static String path(RoutingContext ctx, String apiPath) {
    String mount = ctx.mountPoint();
    if (mount == null || mount.equals("/")) {
      return apiPath;
    }
    return (mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount) + apiPath;
  }

  /** The value of a {@code Location} header for an API path. */
  public static String location(RegistryContext context, RoutingContext ctx, String apiPath) {
    String path = path(ctx, apiPath);
    ApiOptions options = context.options();
    if (options.relativeUrls()) {
      return path;
    }
    if (options.host() != null && !options.host().isBlank()) {
      String host = options.host().trim();
      return (host.endsWith("/") ? host.substring(0, host.length() - 1) : host) + path;
    }
    HttpServerRequest request = ctx.request();
    String authority = first(request.getHeader("X-Forwarded-Host"));
    if (authority == null) {
      authority = request.getHeader("Host");
    }
    if (authority == null || authority.isBlank()) {
      return path;
    }
    String scheme = first(request.getHeader("X-Forwarded-Proto"));
    if (scheme == null) {
      scheme = request.scheme() == null ? "http" : request.scheme();
    }
    return scheme + "://" + authority + path;
  }

  private static String first(String forwardedList) {
    if (forwardedList == null) {
      return null;
    }
    String first = forwardedList.split(",", 2)[0].trim();
    return first.isEmpty() ? null : first;
  }
}
