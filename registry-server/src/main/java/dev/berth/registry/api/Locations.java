package dev.berth.registry.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@code Location} URLs the API hands out, the way registry:2 does: absolute, from {@code http.host}
 * when set or else from the request's (possibly forwarded) scheme and host, unless {@code http.relativeurls}
 * asks for bare paths. Paths start at the router's mount point, so a registry served under
 * {@code http.prefix} points clients back under that prefix. An {@code http.host} with a path of its own
 * ({@code https://example.com/registry}, a proxy that strips that prefix) replaces the mount point, as in
 * registry:2, where URLs resolve against {@code http.host}. {@code Link} headers stay relative, as registry:2's
 * are ({@link #path}).
 */
final class Locations {
  private final ApiOptions options;

  Locations(ApiOptions options) {
    this.options = options;
  }

  String blob(RoutingContext ctx, RepositoryName repository, Digest digest) {
    return url(ctx, "/v2/" + repository.value() + "/blobs/" + digest);
  }

  String manifest(RoutingContext ctx, RepositoryName repository, Digest digest) {
    return url(ctx, "/v2/" + repository.value() + "/manifests/" + digest);
  }

  /** The URL of an API path ({@code /v2/...}) for a Location header. */
  String url(RoutingContext ctx, String apiPath) {
    return base(ctx) + apiPath;
  }

  /** The path of an API URL under this router's mount point, for relative {@code Link} headers. */
  static String path(RoutingContext ctx, String apiPath) {
    return withoutTrailingSlashes(ctx.mountPoint() == null ? "" : ctx.mountPoint()) + apiPath;
  }

  String upload(RoutingContext ctx, RepositoryName repository, String uuid, String state) {
    String url = url(ctx, "/v2/" + repository.value() + "/blobs/uploads/" + uuid);
    return state == null ? url : url + "?_state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
  }

  /** Scheme, authority and base path, without a trailing slash; no scheme and authority for relative URLs. */
  String base(RoutingContext ctx) {
    String mountPoint = withoutTrailingSlashes(ctx.mountPoint() == null ? "" : ctx.mountPoint());
    if (options.relativeUrls()) {
      return mountPoint;
    }
    URI host = configuredHost();
    if (host != null) {
      String hostPath = withoutTrailingSlashes(host.getRawPath() == null ? "" : host.getRawPath());
      return host.getScheme() + "://" + host.getRawAuthority() + (hostPath.isEmpty() ? mountPoint : hostPath);
    }
    return requestOrigin(ctx.request()) + mountPoint;
  }

  private String requestOrigin(HttpServerRequest request) {
    String scheme = firstValue(request.getHeader("X-Forwarded-Proto"));
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      scheme = request.scheme() == null ? "http" : request.scheme();
    }
    String authority = firstValue(request.getHeader("X-Forwarded-Host"));
    if (authority == null) {
      HostAndPort hostAndPort = request.authority();
      authority = hostAndPort == null ? "localhost"
          : hostAndPort.port() >= 0 ? hostAndPort.host() + ":" + hostAndPort.port() : hostAndPort.host();
    }
    return scheme.toLowerCase(java.util.Locale.ROOT) + "://" + authority;
  }

  /** {@code http.host} when it is an absolute URL; null to build URLs from the request. */
  private URI configuredHost() {
    if (options.host() == null || options.host().isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(options.host().trim());
      return uri.getScheme() != null && uri.getRawAuthority() != null ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String withoutTrailingSlashes(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  private static String firstValue(String header) {
    if (header == null) {
      return null;
    }
    String first = header.split(",", 2)[0].trim();
    return first.isEmpty() ? null : first;
  }
}
