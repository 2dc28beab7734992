package dev.berth.registry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The push and pull protocol of the distribution API spoken with the JDK's HttpClient, one request per method,
 * so that tests can interleave, interrupt and resume the steps. Bodies can come from files and responses can
 * be hashed as they stream, so gigabyte blobs never sit in the test's memory either.
 */
public final class RegistryHttp {
  private static final Duration REQUEST_LIMIT = Duration.ofMinutes(5);

  private final URI base;
  private final HttpClient client;

  public RegistryHttp(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Starts an upload session and returns its absolute location. */
  public URI startUpload(String repository) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request(base.resolve("/v2/" + repository + "/blobs/uploads/"))
        .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    expect(response, 202);
    return location(response);
  }

  /** A chunk at {@code offset}, with {@code Content-Range}; returns the response (202 with the next location). */
  public HttpResponse<String> patch(URI location, byte[] chunk, long offset) throws IOException,
      InterruptedException {
    return send(request(location).header("Content-Type", "application/octet-stream")
        .header("Content-Range", offset + "-" + (offset + chunk.length - 1))
        .method("PATCH", BodyPublishers.ofByteArray(chunk)).build(), BodyHandlers.ofString());
  }

  /** A chunk read from a file region, with {@code Content-Range} and {@code Content-Length}. */
  public HttpResponse<String> patchFromFile(URI location, Path file, long offset, long length)
      throws IOException, InterruptedException {
    BodyPublisher body = BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
        () -> fileRegion(file, offset, length)), length);
    return send(request(location).header("Content-Type", "application/octet-stream")
        .header("Content-Range", offset + "-" + (offset + length - 1))
        .method("PATCH", body).build(), BodyHandlers.ofString());
  }

  /** A streamed PATCH: the whole file with chunked transfer encoding, no length and no range. */
  public HttpResponse<String> patchStreamed(URI location, Path file) throws IOException, InterruptedException {
    BodyPublisher body = BodyPublishers.ofInputStream(() -> fileRegion(file, 0, Long.MAX_VALUE));
    return send(request(location).header("Content-Type", "application/octet-stream")
        .method("PATCH", body).build(), BodyHandlers.ofString());
  }

  /** Completes an upload with its digest and an optional last piece of content. */
  public HttpResponse<String> complete(URI location, String digest, byte[] lastChunk)
      throws IOException, InterruptedException {
    return send(request(withDigest(location, digest)).header("Content-Type", "application/octet-stream")
        .PUT(BodyPublishers.ofByteArray(lastChunk)).build(), BodyHandlers.ofString());
  }

  /** Completes an upload with the whole content of a file as the body (the monolithic push). */
  public HttpResponse<String> completeFromFile(URI location, String digest, Path file)
      throws IOException, InterruptedException {
    return send(request(withDigest(location, digest)).header("Content-Type", "application/octet-stream")
        .PUT(BodyPublishers.ofFile(file)).build(), BodyHandlers.ofString());
  }

  public HttpResponse<String> uploadStatus(URI location) throws IOException, InterruptedException {
    return send(request(location).GET().build(), BodyHandlers.ofString());
  }

  public HttpResponse<String> cancelUpload(URI location) throws IOException, InterruptedException {
    return send(request(location).DELETE().build(), BodyHandlers.ofString());
  }

  /** POST then PUT with the whole body: the monolithic push every registry supports. */
  public HttpResponse<String> pushMonolithic(String repository, byte[] content)
      throws IOException, InterruptedException {
    return complete(startUpload(repository), SeededBytes.digestOf(content), content);
  }

  /** POST, PATCHes of {@code chunkSize} with Content-Range, then a PUT without body. */
  public HttpResponse<String> pushChunked(String repository, byte[] content, int chunkSize)
      throws IOException, InterruptedException {
    URI location = startUpload(repository);
    for (int offset = 0; offset < content.length; offset += chunkSize) {
      int length = Math.min(chunkSize, content.length - offset);
      byte[] chunk = new byte[length];
      System.arraycopy(content, offset, chunk, 0, length);
      HttpResponse<String> response = patch(location, chunk, offset);
      expect(response, 202);
      location = location(response);
    }
    return complete(location, SeededBytes.digestOf(content), new byte[0]);
  }

  public HttpResponse<String> putManifest(String repository, String reference, String mediaType, byte[] manifest)
      throws IOException, InterruptedException {
    return send(request(base.resolve("/v2/" + repository + "/manifests/" + reference))
        .header("Content-Type", mediaType).PUT(BodyPublishers.ofByteArray(manifest)).build(),
        BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(base.resolve(path)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return send(builder.build(), BodyHandlers.ofByteArray());
  }

  /** Streams a blob and returns its digest and size; a status other than 200 is returned as an empty result. */
  public HttpResponse<SeededBytes.DigestAndSize> pullBlobDigest(String repository, String digest)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response = send(request(base.resolve("/v2/" + repository + "/blobs/" + digest))
        .GET().build(), BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      SeededBytes.DigestAndSize result = response.statusCode() == 200 ? SeededBytes.digestOf(body) : null;
      return new MappedResponse<>(response, result);
    }
  }

  /** The absolute form of a response's {@code Location}, relative ones resolved against the registry. */
  public URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("no Location header on " + response));
    return base.resolve(location);
  }

  public static void expect(HttpResponse<?> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + " from " + response.request().method() + " "
          + response.uri() + " but got " + response.statusCode() + ": " + response.body());
    }
  }

  private static URI withDigest(URI location, String digest) {
    String separator = location.getRawQuery() == null ? "?" : "&";
    return URI.create(location + separator + "digest=" + digest);
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(REQUEST_LIMIT);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return client.send(request, handler);
  }

  private static InputStream fileRegion(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      InputStream in = Channels.newInputStream(channel);
      return length == Long.MAX_VALUE ? in : new BoundedInputStream(in, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
