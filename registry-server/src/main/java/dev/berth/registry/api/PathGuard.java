package dev.berth.registry.api;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Refuses request paths that try to escape their repository before any routing happens: dot segments,
 * empty segments, and percent-encoded slashes, dots or backslashes. Routing works on a normalized path, so
 * without this check {@code /v2/a/../b/...} would quietly act on {@code b}.
 */
final class PathGuard {
  private PathGuard() {
  }

  static void check(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path == null || !isClean(path)) {
      throw new RegistryException(ErrorCode.NAME_INVALID, null, "invalid request path");
    }
    ctx.next();
  }

  static boolean isClean(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%2e") || lower.contains("%5c") || lower.contains("\\")
        || lower.contains("%00")) {
      return false;
    }
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !last)) {
        return false;
      }
    }
    return true;
  }
}
