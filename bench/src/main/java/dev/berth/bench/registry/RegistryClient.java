package dev.berth.bench.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.bench.http.HttpConnection;
import dev.berth.bench.http.HttpRequest;
import dev.berth.bench.http.HttpResponse;
import dev.berth.bench.http.RequestBody;
import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The distribution API calls the benchmark makes, over one persistent connection, each checked the way a
 * registry client checks it (status codes, returned digests, body lengths, entry counts), so a server that
 * answers fast but wrong fails instead of winning.
 */
public final class RegistryClient implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OCTET_STREAM = "application/octet-stream";

  private final HttpConnection connection;
  private final AtomicInteger retries = new AtomicInteger();

  public RegistryClient(HttpConnection connection) {
    this.connection = connection;
  }

  /** Notes that a step was retried after a server error, so the report can say how often that happened. */
  public void countRetry() {
    retries.incrementAndGet();
  }

  public int retries() {
    return retries.get();
  }

  public void checkBase() throws IOException {
    expect(send(HttpRequest.of("GET", "/v2/").collectingBody()), 200, "GET /v2/");
  }

  /** POST to open a session, then one PUT with the whole body and the digest. Returns the bytes sent. */
  public long pushMonolithic(String repository, Blob blob) throws IOException {
    String location = startUpload(repository);
    complete(location, blob, blob.content());
    return blob.size();
  }

  /** POST, one PATCH per {@code chunkSize} bytes (with Content-Range), then a PUT with the digest. */
  public long pushChunked(String repository, Blob blob, long chunkSize) throws IOException {
    String location = startUpload(repository);
    for (long offset = 0; offset < blob.size(); offset += chunkSize) {
      long length = Math.min(chunkSize, blob.size() - offset);
      HttpRequest patch = HttpRequest.of("PATCH", location)
          .withHeader("Content-Type", OCTET_STREAM)
          .withHeader("Content-Range", offset + "-" + (offset + length - 1))
          .withBody(blob.slice(offset, length)).collectingBody();
      location = location(expect(send(patch), 202, "PATCH chunk at " + offset + " of " + repository), patch);
    }
    complete(location, blob, RequestBody.EMPTY);
    return blob.size();
  }

  /** Cross-repository mount; when the server opens an upload session instead, the content is uploaded. */
  public void mountOrPush(String repository, Blob blob, String fromRepository) throws IOException {
    String target = "/v2/" + repository + "/blobs/uploads/?mount=" + blob.digest() + "&from=" + fromRepository;
    HttpRequest post = HttpRequest.of("POST", target).collectingBody();
    HttpResponse response = send(post);
    if (response.status() == 201) {
      return;
    }
    complete(location(expect(response, 202, "POST mount into " + repository), post), blob, blob.content());
  }

  public boolean blobExists(String repository, String digest) throws IOException {
    HttpResponse response = send(HttpRequest.of("HEAD", "/v2/" + repository + "/blobs/" + digest));
    if (response.status() == 404) {
      return false;
    }
    expect(response, 200, "HEAD blob " + digest + " in " + repository);
    return true;
  }

  /** GETs the blob and drops its bytes after counting them. Returns the bytes received. */
  public long pullBlob(String repository, Blob blob) throws IOException {
    String what = "GET blob " + blob.digest() + " from " + repository;
    HttpResponse response = expect(send(HttpRequest.of("GET", "/v2/" + repository + "/blobs/" + blob.digest())),
        200, what);
    if (response.bodyLength() != blob.size()) {
      throw new UnexpectedResponseException(what, "body of " + response.bodyLength() + " bytes, expected "
          + blob.size());
    }
    return response.bodyLength();
  }

  public void putManifest(String repository, String reference, ImageManifest manifest) throws IOException {
    String what = "PUT manifest " + repository + ":" + reference;
    HttpResponse response = expect(send(HttpRequest.of("PUT", "/v2/" + repository + "/manifests/" + reference)
        .withHeader("Content-Type", ImageManifest.MEDIA_TYPE)
        .withBody(new RequestBody.Bytes(manifest.bytes())).collectingBody()), 201, what);
    String digest = response.header("Docker-Content-Digest");
    if (digest != null && !digest.equals(manifest.digest())) {
      throw new UnexpectedResponseException(what, "server says digest " + digest + ", expected "
          + manifest.digest());
    }
  }

  /** Returns the manifest's length after checking it is the one pushed. */
  public long getManifest(String repository, String reference, ImageManifest expected) throws IOException {
    String what = "GET manifest " + repository + ":" + reference;
    HttpResponse response = expect(send(manifestRequest("GET", repository, reference).collectingBody()), 200,
        what);
    if (!Arrays.equals(response.body(), expected.bytes())) {
      throw new UnexpectedResponseException(what, "returned other bytes than were pushed");
    }
    return response.bodyLength();
  }

  public void headManifest(String repository, String reference, ImageManifest expected) throws IOException {
    String what = "HEAD manifest " + repository + ":" + reference;
    HttpResponse response = expect(send(manifestRequest("HEAD", repository, reference)), 200, what);
    if (!expected.digest().equals(response.header("Docker-Content-Digest"))) {
      throw new UnexpectedResponseException(what, "Docker-Content-Digest is "
          + response.header("Docker-Content-Digest") + ", expected " + expected.digest());
    }
  }

  /** Lists every tag, following Link pages; returns how many there are. */
  public int listTags(String repository) throws IOException {
    return countPages("/v2/" + repository + "/tags/list?n=1000", "tags");
  }

  /** Lists every repository, following Link pages; returns how many there are. */
  public int listCatalog() throws IOException {
    return countPages("/v2/_catalog?n=1000", "repositories");
  }

  private int countPages(String first, String field) throws IOException {
    int count = 0;
    Optional<String> next = Optional.of(first);
    while (next.isPresent()) {
      String what = "GET " + next.get();
      HttpResponse response = expect(send(HttpRequest.of("GET", next.get()).collectingBody()), 200, what);
      JsonNode entries = JSON.readTree(response.body()).get(field);
      if (entries != null && !entries.isNull() && !entries.isArray()) {
        throw new UnexpectedResponseException(what, "'" + field + "' is not an array");
      }
      count += entries == null ? 0 : entries.size();
      next = LinkHeader.next(response.header("Link"));
    }
    return count;
  }

  private String startUpload(String repository) throws IOException {
    HttpRequest post = HttpRequest.of("POST", "/v2/" + repository + "/blobs/uploads/").collectingBody();
    return location(expect(send(post), 202, "POST upload to " + repository), post);
  }

  private void complete(String location, Blob blob, RequestBody body) throws IOException {
    String target = location + (location.contains("?") ? "&" : "?") + "digest=" + blob.digest();
    HttpRequest put = HttpRequest.of("PUT", target).withHeader("Content-Type", OCTET_STREAM).withBody(body)
        .collectingBody();
    HttpResponse response = expect(send(put), 201, "PUT upload of " + blob.digest());
    String digest = response.header("Docker-Content-Digest");
    if (digest != null && !digest.equals(blob.digest())) {
      throw new UnexpectedResponseException("PUT upload of " + blob.digest(), "server says digest " + digest);
    }
  }

  private static HttpRequest manifestRequest(String method, String repository, String reference) {
    return HttpRequest.of(method, "/v2/" + repository + "/manifests/" + reference)
        .withHeader("Accept", ImageManifest.ACCEPT);
  }

  private static String location(HttpResponse response, HttpRequest request) throws IOException {
    String location = response.header("Location");
    if (location == null || location.isBlank()) {
      throw new UnexpectedResponseException(request.method() + " " + request.target(), "no Location header");
    }
    return HttpRequest.originForm(location);
  }

  private HttpResponse send(HttpRequest request) throws IOException {
    return connection.exchange(request);
  }

  private static HttpResponse expect(HttpResponse response, int status, String what) throws IOException {
    if (response.status() != status) {
      throw new UnexpectedResponseException(what, response, String.valueOf(status));
    }
    return response;
  }

  @Override
  public void close() {
    connection.close();
  }
}
