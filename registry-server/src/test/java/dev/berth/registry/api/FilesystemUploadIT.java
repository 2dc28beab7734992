package dev.berth.registry.api;

import static dev.berth.registry.api.RegistryCalls.errorCode;
import static dev.berth.registry.api.RegistryCalls.target;
import static dev.berth.registry.api.RegistryCalls.withQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.registry.storage.FilesystemDriver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob and upload API over the filesystem driver: registry:2's files, zero-copy reads, restarts. */
class FilesystemUploadIT {
  @TempDir
  Path root;

  @Test
  void pushedBlobLandsInRegistry2LayoutAndNothingElseRemains() throws Exception {
    byte[] blob = bytes(100_000, 1);
    try (ApiTestServer server = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults())) {
      Digest digest = new RegistryCalls(server).pushBlob("library/app", blob);

      Path v2 = root.resolve("docker/registry/v2");
      assertThat(v2.resolve("blobs/sha256/" + digest.hex().substring(0, 2) + "/" + digest.hex() + "/data"))
          .hasBinaryContent(blob);
      assertThat(v2.resolve("repositories/library/app/_layers/sha256/" + digest.hex() + "/link"))
          .hasContent(digest.toString());
      Path uploads = v2.resolve("repositories/library/app/_uploads");
      assertThat(!Files.exists(uploads) || isEmpty(uploads)).isTrue();
    }
  }

  @Test
  void blobsAreSentFromLocalFilesWithRanges() {
    byte[] blob = bytes(3 * 1024 * 1024, 2);
    try (ApiTestServer server = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(server);
      Digest digest = calls.pushBlob("app", blob);

      HttpResponse<byte[]> whole = calls.send("GET", "/v2/app/blobs/" + digest, null);
      HttpResponse<byte[]> part = calls.send("GET", "/v2/app/blobs/" + digest, null, "Range", "bytes=1000-1999");

      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.body()).isEqualTo(blob);
      assertThat(part.statusCode()).isEqualTo(206);
      assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, 1000, 2000));
    }
  }

  @Test
  void sessionSurvivesARestartAndIsHashedFromStoredBytes() {
    byte[] blob = bytes(500_000, 3);
    URI upload;
    try (ApiTestServer first = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(first);
      HttpResponse<byte[]> patched = calls.send("PATCH", calls.startUpload("app"), Arrays.copyOf(blob, 200_000),
          "Content-Range", "0-199999");
      assertThat(patched.statusCode()).isEqualTo(202);
      upload = calls.location(patched);
    }
    try (ApiTestServer second = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(second);
      URI moved = URI.create(second.baseUri() + target(upload));

      HttpResponse<byte[]> status = calls.send("GET", moved, null);
      assertThat(status.statusCode()).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).contains("0-199999");
      HttpResponse<byte[]> rest = calls.send("PATCH", moved, Arrays.copyOfRange(blob, 200_000, blob.length),
          "Content-Range", "200000-" + (blob.length - 1));
      assertThat(rest.statusCode()).isEqualTo(202);
      Digest digest = Digest.sha256Of(blob);
      assertThat(calls.send("PUT", withQuery(calls.location(rest), "digest=" + digest), null).statusCode())
          .isEqualTo(201);
      assertThat(calls.send("GET", "/v2/app/blobs/" + digest, null).body()).isEqualTo(blob);
    }
  }

  @Test
  void wrongDigestLeavesNoBlobOnDisk() {
    byte[] blob = bytes(10_000, 4);
    try (ApiTestServer server = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(server);
      Digest claimed = Digest.sha256Of("claimed".getBytes(StandardCharsets.UTF_8));

      HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/?digest=" + claimed, blob);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(errorCode(response)).isEqualTo("DIGEST_INVALID");
      assertThat(root.resolve("docker/registry/v2/blobs/sha256/" + claimed.hex().substring(0, 2))).doesNotExist();
      assertThat(root.resolve("docker/registry/v2/blobs/sha256/"
          + Digest.sha256Of(blob).hex().substring(0, 2))).doesNotExist();
    }
  }

  @Test
  void clientGoneBeforeTheBodyIsReadKeepsTheBytesThatArrived() throws Exception {
    // Authentication completes only once the client has closed its connection, so the upload handler always
    // starts on a request whose connection is already gone, with its bytes waiting in the paused request.
    AccessControl waitForClose = new AccessControl() {
      @Override
      public Future<Principal> authenticate(HttpServerRequest request) {
        if (request.getHeader("X-Test-Hold") == null) {
          return Future.succeededFuture(Principal.ANONYMOUS);
        }
        Promise<Principal> promise = Promise.promise();
        request.connection().closeHandler(ignored -> promise.tryComplete(Principal.ANONYMOUS));
        return promise.future();
      }

      @Override
      public boolean allowed(Principal principal, RepositoryName repository, Action action) {
        return true;
      }
    };
    byte[] blob = bytes(4000, 5);
    try (ApiTestServer server = ApiTestServer.start(new FilesystemDriver(root), ApiOptions.defaults(), waitForClose,
        "")) {
      RegistryCalls calls = new RegistryCalls(server);
      URI upload = calls.startUpload("app");

      calls.raw("PATCH " + target(upload) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test-Hold: yes\r\n"
          + "Content-Length: " + blob.length + "\r\n\r\n", Arrays.copyOf(blob, 1500), true);

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        HttpResponse<byte[]> status = calls.send("GET", upload, null);
        assertThat(status.headers().firstValue("Range")).isIn(java.util.Optional.of("0-1499"));
        // The session is free again once the interrupted request let go of it.
        HttpResponse<byte[]> rest = calls.send("PATCH", upload, Arrays.copyOfRange(blob, 1500, blob.length),
            "Content-Range", "1500-" + (blob.length - 1));
        assertThat(rest.statusCode()).isEqualTo(202);
      });
      Digest digest = Digest.sha256Of(blob);
      assertThat(calls.send("PUT", withQuery(upload, "digest=" + digest), null).statusCode()).isEqualTo(201);
    }
  }

  private static boolean isEmpty(Path directory) throws java.io.IOException {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
