package dev.berth.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response: status, headers (names lower-cased), and either the body itself (when the request asked to collect
 * it) or only its length.
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body, long bodyLength) {

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
