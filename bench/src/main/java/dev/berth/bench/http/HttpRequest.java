package dev.berth.bench.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 request. {@code target} is the origin-form path and query ({@code /v2/...}); an absolute URL, as
 * registry:2 puts in Location headers, is reduced to that form by {@link #originForm(String)}.
 *
 * @param collectBody keep the response body in memory (manifests, listings) instead of counting and dropping it
 */
public record HttpRequest(String method, String target, Map<String, String> headers, RequestBody body,
    boolean collectBody) {

  public HttpRequest {
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("request target must be origin-form (start with /): " + target);
    }
    headers = Map.copyOf(headers);
  }

  public static HttpRequest of(String method, String target) {
    return new HttpRequest(method, originForm(target), Map.of(), RequestBody.EMPTY, false);
  }

  public HttpRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpRequest(method, target, more, body, collectBody);
  }

  public HttpRequest withBody(RequestBody newBody) {
    return new HttpRequest(method, target, headers, newBody, collectBody);
  }

  public HttpRequest collectingBody() {
    return new HttpRequest(method, target, headers, body, true);
  }

  public boolean isHead() {
    return "HEAD".equals(method);
  }

  /** {@code http://host:port/v2/x?y} becomes {@code /v2/x?y}; a path stays as it is. */
  public static String originForm(String urlOrPath) {
    if (urlOrPath.startsWith("/")) {
      return urlOrPath;
    }
    int scheme = urlOrPath.indexOf("://");
    if (scheme < 0) {
      throw new IllegalArgumentException("neither a path nor an absolute URL: " + urlOrPath);
    }
    int path = urlOrPath.indexOf('/', scheme + 3);
    return path < 0 ? "/" : urlOrPath.substring(path);
  }
}
