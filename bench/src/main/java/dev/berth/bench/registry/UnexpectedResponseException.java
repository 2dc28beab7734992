package dev.berth.bench.registry;

import dev.berth.bench.http.HttpResponse;
import java.io.IOException;

/** A server answered something the distribution API does not allow for the request the benchmark made. */
public final class UnexpectedResponseException extends IOException {
  public UnexpectedResponseException(String request, HttpResponse response, String expected) {
    super(request + " answered HTTP " + response.status() + ", expected " + expected + snippet(response));
  }

  public UnexpectedResponseException(String request, String problem) {
    super(request + ": " + problem);
  }

  private static String snippet(HttpResponse response) {
    String body = response.bodyText().strip();
    if (body.isEmpty()) {
      return "";
    }
    return ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
  }
}
