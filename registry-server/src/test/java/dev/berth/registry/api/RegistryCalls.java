package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small HTTP helpers over an {@link ApiTestServer} for the blob and upload API tests. */
final class RegistryCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ApiTestServer server;

  RegistryCalls(ApiTestServer server) {
    this.server = server;
  }

  HttpResponse<byte[]> send(String method, URI uri, byte[] body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    try {
      return server.client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, String... headers) {
    return send(method, server.uri(pathAndQuery), body, headers);
  }

  /** Resolves a Location header (absolute or relative) against the server. */
  URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return server.baseUri().resolve(location);
  }

  /** Starts a session and returns its Location. */
  URI startUpload(String repository) {
    HttpResponse<byte[]> response = send("POST", "/v2/" + repository + "/blobs/uploads/", null);
    assertThat(response.statusCode()).isEqualTo(202);
    return location(response);
  }

  /** Pushes a blob with POST, PATCH and PUT; returns its digest. */
  Digest pushBlob(String repository, byte[] content) {
    URI upload = startUpload(repository);
    HttpResponse<byte[]> patched = send("PATCH", upload, content, "Content-Type", "application/octet-stream");
    assertThat(patched.statusCode()).isEqualTo(202);
    Digest digest = Digest.sha256Of(content);
    HttpResponse<byte[]> put = send("PUT", withQuery(location(patched), "digest=" + digest), null);
    assertThat(put.statusCode()).isEqualTo(201);
    return digest;
  }

  static URI withQuery(URI uri, String query) {
    String text = uri.toString();
    return URI.create(text + (text.contains("?") ? "&" : "?") + query);
  }

  static String errorCode(HttpResponse<byte[]> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body.path("errors").path(0).path("code").asText();
    } catch (IOException e) {
      throw new AssertionError("not an error body: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  /**
   * Sends a raw HTTP/1.1 request head plus some body bytes, then either closes the socket (returning null) or
   * reads the whole response (returning it as text).
   */
  String raw(String head, byte[] body, boolean closeWithoutReading) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      if (closeWithoutReading) {
        return null;
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        response.write(buffer, 0, n);
        if (response.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && complete(response)) {
          break;
        }
      }
      return response.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether a response read so far holds its head and the Content-Length bytes after it. */
  private static boolean complete(ByteArrayOutputStream response) {
    String text = response.toString(StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    long length = 0;
    for (String line : text.substring(0, headEnd).split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).trim());
      }
    }
    return text.length() - headEnd - 4 >= length;
  }

  /** The path and query of a URI, as a raw request line needs them. */
  static String target(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
