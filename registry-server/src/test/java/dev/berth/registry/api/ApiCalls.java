package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Small HTTP helpers for API tests: requests by path, and assertions on the OCI error body. */
final class ApiCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient client;

  ApiCalls(ApiTestServer server) {
    this.base = server.baseUri();
    this.client = server.client();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path));
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  HttpResponse<byte[]> head(String path, String... headers) {
    HttpRequest.Builder request = request(path).method("HEAD", HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  HttpResponse<byte[]> put(String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  HttpResponse<byte[]> put(String path, String contentType, String body) {
    return put(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> delete(String path) {
    return send(request(path).DELETE());
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("response body is not JSON: " + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Asserts status and the code of the single error in the body, returning the error object. */
  static JsonNode assertError(HttpResponse<byte[]> response, int status, ErrorCode code) {
    assertThat(response.statusCode()).as("status of %s", text(response)).isEqualTo(status);
    JsonNode error = json(response).path("errors").path(0);
    assertThat(error.path("code").asText()).as("error code in %s", text(response)).isEqualTo(code.name());
    assertThat(response.headers().firstValue("Docker-Content-Digest")).isEmpty();
    return error;
  }
}
