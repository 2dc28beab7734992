package dev.berth.bench.registry;

import dev.berth.bench.http.HttpResponse;
import java.io.IOException;

/** A server answered something the distribution API does not allow for the request the benchmark made. */
public final class UnexpectedResponseException extends IOException {
  private final int status;

  public UnexpectedResponseException(String request, HttpResponse response, String expected) {
    super(request + " answered HTTP " + response.status() + ", expected " + expected + snippet(response));
    this.status = response.status();
  }

  public UnexpectedResponseException(String request, String problem) {
    super(request + ": " + problem);
    this.status = 0;
  }

  /** True for 5xx answers: the server's own failure, which clients such as docker retry. */
  public boolean serverError() {
    return status >= 500;
  }

  private static String snippet(HttpResponse response) {
    String body = response.bodyText().strip();
    if (body.isEmpty()) {
      return "";
    }
    return ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
  }
}
