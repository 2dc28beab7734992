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
 * {@code http.prefix} points clients back under that prefix. Like registry:2, only the scheme and authority
 * of {@code http.host} are used; the path comes from the mount point.
 */
final class Locations {
  private final ApiOptions options;

  Locations(ApiOptions options) {
    this.options = options;
  }

  String blob(RoutingContext ctx, RepositoryName repository, Digest digest) {
    return base(ctx) + "/v2/" + repository.value() + "/blobs/" + digest;
  }

  String upload(RoutingContext ctx, RepositoryName repository, String uuid, String state) {
    String url = base(ctx) + "/v2/" + repository.value() + "/blobs/uploads/" + uuid;
    return state == null ? url : url + "?_state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
  }

  /** Scheme, authority and mount point, without a trailing slash; empty authority for relative URLs. */
  String base(RoutingContext ctx) {
    String mountPoint = ctx.mountPoint() == null ? "" : ctx.mountPoint();
    while (mountPoint.endsWith("/")) {
      mountPoint = mountPoint.substring(0, mountPoint.length() - 1);
    }
    if (options.relativeUrls()) {
      return mountPoint;
    }
    return origin(ctx.request()) + mountPoint;
  }

  private String origin(HttpServerRequest request) {
    if (options.host() != null && !options.host().isBlank()) {
      String configured = configuredOrigin(options.host());
      if (configured != null) {
        return configured;
      }
    }
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

  private static String configuredOrigin(String host) {
    try {
      URI uri = new URI(host.trim());
      return uri.getScheme() != null && uri.getRawAuthority() != null
          ? uri.getScheme() + "://" + uri.getRawAuthority() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String firstValue(String header) {
    if (header == null) {
      return null;
    }
    String first = header.split(",", 2)[0].trim();
    return first.isEmpty() ? null : first;
  }
}
