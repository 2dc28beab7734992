package dev.berth.registry.api;

import static dev.berth.registry.api.RegistryCalls.errorCode;
import static dev.berth.registry.api.RegistryCalls.target;
import static dev.berth.registry.api.RegistryCalls.withQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.registry.storage.InMemoryDriver;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadApiIT {
  private static final byte[] CONTENT = "hello, berth registry".getBytes(StandardCharsets.UTF_8);

  private ApiTestServer server;
  private RegistryCalls calls;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults());
    calls = new RegistryCalls(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postStartsSessionWith202LocationUuidAndEmptyRange() {
    HttpResponse<byte[]> response = calls.send("POST", "/v2/library/app/blobs/uploads/", null);

    assertThat(response.statusCode()).isEqualTo(202);
    String uuid = response.headers().firstValue("Docker-Upload-UUID").orElseThrow();
    assertThat(UUID.fromString(uuid)).isNotNull();
    assertThat(response.headers().firstValue("Range")).contains("0-0");
    assertThat(response.headers().firstValue("Content-Length")).contains("0");
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(server.baseUri() + "/v2/library/app/blobs/uploads/" + uuid + "?_state=");
  }

  @Test
  void streamedPatchThenPutCreatesBlob() {
    URI upload = calls.startUpload("library/app");

    HttpResponse<byte[]> patched = calls.send("PATCH", upload, CONTENT, "Content-Type", "application/octet-stream");
    assertThat(patched.statusCode()).isEqualTo(202);
    assertThat(patched.headers().firstValue("Range")).contains("0-" + (CONTENT.length - 1));
    assertThat(patched.headers().firstValue("Docker-Upload-UUID")).isPresent();

    Digest digest = Digest.sha256Of(CONTENT);
    HttpResponse<byte[]> put = calls.send("PUT", withQuery(calls.location(patched), "digest=" + digest), null);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("Location"))
        .contains(server.baseUri() + "/v2/library/app/blobs/" + digest);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());

    HttpResponse<byte[]> blob = calls.send("GET", calls.location(put), null);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo(CONTENT);
  }

  @Test
  void chunkedUploadWithContentRangeAppendsInOrder() {
    URI upload = calls.startUpload("app");
    byte[] first = Arrays.copyOfRange(CONTENT, 0, 5);
    byte[] second = Arrays.copyOfRange(CONTENT, 5, CONTENT.length);

    HttpResponse<byte[]> one = calls.send("PATCH", upload, first, "Content-Range", "0-4");
    assertThat(one.statusCode()).isEqualTo(202);
    assertThat(one.headers().firstValue("Range")).contains("0-4");
    HttpResponse<byte[]> two = calls.send("PATCH", calls.location(one), second,
        "Content-Range", "5-" + (CONTENT.length - 1));
    assertThat(two.statusCode()).isEqualTo(202);
    assertThat(two.headers().firstValue("Range")).contains("0-" + (CONTENT.length - 1));

    Digest digest = Digest.sha256Of(CONTENT);
    HttpResponse<byte[]> put = calls.send("PUT", withQuery(calls.location(two), "digest=" + digest), null);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(CONTENT);
  }

  @Test
  void outOfOrderChunkIs416WithCurrentRange() {
    URI upload = calls.startUpload("app");
    HttpResponse<byte[]> one = calls.send("PATCH", upload, Arrays.copyOf(CONTENT, 5), "Content-Range", "0-4");

    HttpResponse<byte[]> skipped = calls.send("PATCH", calls.location(one), new byte[3], "Content-Range", "7-9");
    assertThat(skipped.statusCode()).isEqualTo(416);
    assertThat(errorCode(skipped)).isEqualTo("RANGE_INVALID");
    assertThat(skipped.headers().firstValue("Range")).contains("0-4");
    assertThat(skipped.headers().firstValue("Location")).isPresent();

    HttpResponse<byte[]> overlapping = calls.send("PATCH", calls.location(one), new byte[3], "Content-Range", "3-5");
    assertThat(overlapping.statusCode()).isEqualTo(416);
    assertThat(calls.send("GET", calls.location(one), null).headers().firstValue("Range")).contains("0-4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-4", "abc", "4-0", "-4", "0-", "0-4/5"})
  void malformedContentRangeIs416RangeInvalid(String contentRange) {
    URI upload = calls.startUpload("app");

    HttpResponse<byte[]> response = calls.send("PATCH", upload, Arrays.copyOf(CONTENT, 5),
        "Content-Range", contentRange);

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(errorCode(response)).isEqualTo("RANGE_INVALID");
    assertThat(calls.send("GET", upload, null).headers().firstValue("Range")).contains("0-0");
  }

  @Test
  void contentLengthDisagreeingWithContentRangeIsSizeInvalid() throws Exception {
    URI upload = calls.startUpload("app");

    String response = calls.raw("PATCH " + target(upload) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Range: 0-9\r\nContent-Length: 5\r\nConnection: close\r\n\r\n", Arrays.copyOf(CONTENT, 5), false);

    assertThat(response).startsWith("HTTP/1.1 400").contains("SIZE_INVALID");
  }

  @Test
  void putWithWrongDigestIsDigestInvalidAndCreatesNoBlob() {
    URI upload = calls.startUpload("app");
    HttpResponse<byte[]> patched = calls.send("PATCH", upload, CONTENT);
    Digest wrong = Digest.sha256Of("something else".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> put = calls.send("PUT", withQuery(calls.location(patched), "digest=" + wrong), null);

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(errorCode(put)).isEqualTo("DIGEST_INVALID");
    assertThat(calls.send("HEAD", "/v2/app/blobs/" + wrong, null).statusCode()).isEqualTo(404);
    assertThat(calls.send("HEAD", "/v2/app/blobs/" + Digest.sha256Of(CONTENT), null).statusCode()).isEqualTo(404);
    // The session survives, so the client can still finish it with the right digest.
    HttpResponse<byte[]> retry = calls.send("PUT",
        withQuery(calls.location(patched), "digest=" + Digest.sha256Of(CONTENT)), null);
    assertThat(retry.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "digest=", "digest=sha256:xyz", "digest=md5:d41d8cd98f00b204e9800998ecf8427e",
      "digest=sha256", "digest=sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
  void putWithMissingOrInvalidDigestIsDigestInvalid(String query) {
    URI upload = calls.startUpload("app");

    HttpResponse<byte[]> put = calls.send("PUT", query.isEmpty() ? upload : withQuery(upload, query), null);

    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(errorCode(put)).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void putWithFinalChunkCompletesTheBlob() {
    URI upload = calls.startUpload("app");
    HttpResponse<byte[]> one = calls.send("PATCH", upload, Arrays.copyOf(CONTENT, 5), "Content-Range", "0-4");
    Digest digest = Digest.sha256Of(CONTENT);

    HttpResponse<byte[]> put = calls.send("PUT", withQuery(calls.location(one), "digest=" + digest),
        Arrays.copyOfRange(CONTENT, 5, CONTENT.length), "Content-Range", "5-" + (CONTENT.length - 1));

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(CONTENT);
  }

  @Test
  void sha512DigestsAreVerified() throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-512").digest(CONTENT);
    Digest digest = Digest.of("sha512", hash);

    HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/?digest=" + digest, CONTENT);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(CONTENT);
  }

  @Test
  void emptyBlobCanBeUploaded() {
    Digest empty = Digest.sha256Of(new byte[0]);
    URI upload = calls.startUpload("app");

    HttpResponse<byte[]> put = calls.send("PUT", withQuery(upload, "digest=" + empty), null);

    assertThat(put.statusCode()).isEqualTo(201);
    HttpResponse<byte[]> head = calls.send("HEAD", "/v2/app/blobs/" + empty, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).contains("0");
  }

  @Test
  void monolithicPostWithDigestCreatesBlob() {
    Digest digest = Digest.sha256Of(CONTENT);

    HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/?digest=" + digest, CONTENT,
        "Content-Type", "application/octet-stream");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).contains(server.baseUri() + "/v2/app/blobs/" + digest);
    assertThat(response.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(CONTENT);
  }

  @Test
  void monolithicPostWithWrongDigestIsDigestInvalid() {
    Digest wrong = Digest.sha256Of("other".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/?digest=" + wrong, CONTENT);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("DIGEST_INVALID");
    assertThat(calls.send("HEAD", "/v2/app/blobs/" + wrong, null).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256:abc", "nonsense", "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709"})
  void postWithInvalidDigestIsDigestInvalid(String digest) {
    HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/?digest=" + digest, CONTENT);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void statusIs204WithRangeLocationAndUuid() {
    URI upload = calls.startUpload("app");
    calls.send("PATCH", upload, CONTENT);

    HttpResponse<byte[]> status = calls.send("GET", upload, null);

    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).contains("0-" + (CONTENT.length - 1));
    assertThat(status.headers().firstValue("Location").orElseThrow()).contains(upload.getPath());
    assertThat(status.headers().firstValue("Docker-Upload-UUID")).contains(lastSegment(upload));
  }

  @Test
  void cancelIs204AndForgetsTheSession() {
    URI upload = calls.startUpload("app");
    calls.send("PATCH", upload, CONTENT);

    assertThat(calls.send("DELETE", upload, null).statusCode()).isEqualTo(204);

    HttpResponse<byte[]> status = calls.send("GET", upload, null);
    assertThat(status.statusCode()).isEqualTo(404);
    assertThat(errorCode(status)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    HttpResponse<byte[]> again = calls.send("DELETE", upload, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(errorCode(again)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PATCH", "PUT", "DELETE"})
  void unknownUploadIdsAreBlobUploadUnknown(String method) {
    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "x".repeat(300))) {
      String query = method.equals("PUT") ? "?digest=" + Digest.sha256Of(CONTENT) : "";
      HttpResponse<byte[]> response = calls.send(method, "/v2/app/blobs/uploads/" + id + query,
          method.equals("PATCH") ? CONTENT : null);

      assertThat(response.statusCode()).as(method + " " + id).isEqualTo(404);
      assertThat(errorCode(response)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }
  }

  @Test
  void uploadIdUsedUnderAnotherRepositoryIsUnknown() {
    URI upload = calls.startUpload("team/one");
    String id = lastSegment(upload);

    HttpResponse<byte[]> withState = calls.send("PATCH",
        URI.create(upload.toString().replace("/team/one/", "/team/two/")), CONTENT);
    HttpResponse<byte[]> withoutState = calls.send("GET", "/v2/team/two/blobs/uploads/" + id, null);

    assertThat(withState.statusCode()).isEqualTo(404);
    assertThat(errorCode(withState)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    assertThat(withoutState.statusCode()).isEqualTo(404);
    assertThat(errorCode(withoutState)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    assertThat(calls.send("GET", upload, null).headers().firstValue("Range")).contains("0-0");
  }

  @Test
  void tamperedStateIsBlobUploadInvalid() {
    URI upload = calls.startUpload("app");
    String forged = new UploadState("app", lastSegment(upload), 0, java.time.Instant.now()).pack("not-the-secret");
    URI tampered = URI.create(server.baseUri() + upload.getRawPath() + "?_state="
        + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8));

    HttpResponse<byte[]> response = calls.send("PATCH", tampered, CONTENT);
    HttpResponse<byte[]> garbage = calls.send("GET", URI.create(server.baseUri() + upload.getRawPath() + "?_state=%25%25"), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("BLOB_UPLOAD_INVALID");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(errorCode(garbage)).isEqualTo("BLOB_UPLOAD_INVALID");
    assertThat(calls.send("GET", upload, null).headers().firstValue("Range")).contains("0-0");
  }

  @Test
  void disconnectMidUploadLeavesSessionResumable() throws Exception {
    byte[] blob = new byte[300_000];
    new java.util.Random(7).nextBytes(blob);
    URI upload = calls.startUpload("app");
    int sent = 100_000;

    calls.raw("PATCH " + target(upload) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
        + "Content-Length: " + blob.length + "\r\n\r\n", Arrays.copyOf(blob, sent), true);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<byte[]> status = calls.send("GET", upload, null);
      assertThat(status.statusCode()).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).contains("0-" + (sent - 1));
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      HttpResponse<byte[]> resumed = calls.send("PATCH", upload, Arrays.copyOfRange(blob, sent, blob.length),
          "Content-Range", sent + "-" + (blob.length - 1));
      return resumed.statusCode() == 202;
    });
    Digest digest = Digest.sha256Of(blob);
    assertThat(calls.send("PUT", withQuery(upload, "digest=" + digest), null).statusCode()).isEqualTo(201);
    assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(blob);
  }

  @Test
  void expectContinueIsAnsweredOnceTheSessionAcceptsTheBody() throws Exception {
    URI upload = calls.startUpload("app");
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(60_000);
      java.io.OutputStream out = socket.getOutputStream();
      java.io.InputStream in = socket.getInputStream();
      out.write(("PATCH " + target(upload) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
          + "Content-Length: " + CONTENT.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      assertThat(readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(readLine(in)).isEmpty();
      out.write(CONTENT);
      out.flush();
      assertThat(readLine(in)).isEqualTo("HTTP/1.1 202 Accepted");
    }
  }

  @Test
  void expectContinueOnAnUnknownSessionGetsTheErrorWithoutTheBody() throws Exception {
    String response = calls.raw("PATCH /v2/app/blobs/uploads/" + UUID.randomUUID() + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\nConnection: close\r\n\r\n",
        new byte[0], false);

    assertThat(response).startsWith("HTTP/1.1 404").contains("BLOB_UPLOAD_UNKNOWN").doesNotContain("100 Continue");
  }

  private static String readLine(java.io.InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("connection closed after: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Test
  void secondRequestOnABusySessionIsRefusedWithoutCorruptingIt() throws Exception {
    URI upload = calls.startUpload("app");
    byte[] first = "first-part-".getBytes(StandardCharsets.UTF_8);
    byte[] rest = "and the rest".getBytes(StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("PATCH " + target(upload) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
          + (first.length + rest.length) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(first);
      out.flush();

      // While the first PATCH holds the session (its body is unfinished), others are turned away.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        HttpResponse<byte[]> competing = calls.send("PATCH", upload, "intruder".getBytes(StandardCharsets.UTF_8));
        assertThat(competing.statusCode()).isEqualTo(400);
        assertThat(errorCode(competing)).isEqualTo("BLOB_UPLOAD_INVALID");
      });

      out.write(rest);
      out.flush();
      byte[] head = new byte[12];
      assertThat(socket.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
      assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 202");
    }
    byte[] whole = (new String(first, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> calls.send("PUT", withQuery(upload, "digest=" + Digest.sha256Of(whole)), null).statusCode() == 201);
  }

  @Test
  void concurrentUploadsOfTheSameBlobAllSucceed() throws Exception {
    byte[] blob = new byte[200_000];
    new java.util.Random(3).nextBytes(blob);
    Digest digest = Digest.sha256Of(blob);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String repository = "concurrent/r" + (i % 3);
        results.add(CompletableFuture.supplyAsync(() -> {
          URI upload = calls.startUpload(repository);
          HttpResponse<byte[]> patched = calls.send("PATCH", upload, blob);
          return calls.send("PUT", withQuery(calls.location(patched), "digest=" + digest), null).statusCode();
        }, pool));
      }
      for (CompletableFuture<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(calls.send("GET", "/v2/concurrent/r" + i + "/blobs/" + digest, null).body()).isEqualTo(blob);
    }
  }

  @Test
  void largeStreamedUploadIsHashedWhileWritten() {
    byte[] blob = new byte[8 * 1024 * 1024 + 17];
    new java.util.Random(11).nextBytes(blob);

    Digest digest = calls.pushBlob("big", blob);

    assertThat(calls.send("GET", "/v2/big/blobs/" + digest, null).body()).isEqualTo(blob);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/Upper/blobs/uploads/", "/v2/a/../b/blobs/uploads/", "/v2/a%2Fb/blobs/uploads/",
      "/v2/-lead/blobs/uploads/"})
  void invalidRepositoryNamesAreNameInvalid(String path) {
    HttpResponse<byte[]> response = calls.send("POST", path, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("NAME_INVALID");
  }

  @Test
  void overlongRepositoryNameIsNameInvalid() {
    HttpResponse<byte[]> response = calls.send("POST", "/v2/" + "a".repeat(256) + "/blobs/uploads/", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("NAME_INVALID");
  }

  private static String lastSegment(URI uri) {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
