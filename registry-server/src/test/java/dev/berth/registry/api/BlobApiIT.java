package dev.berth.registry.api;

import static dev.berth.registry.api.RegistryCalls.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobApiIT {
  private static final byte[] CONTENT = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);

  private ApiTestServer server;
  private RegistryCalls calls;
  private Digest digest;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults().withDeleteEnabled(true));
    calls = new RegistryCalls(server);
    digest = calls.pushBlob("library/app", CONTENT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void baseEndpointAnswers200WithEmptyJsonAndApiVersion() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).contains("registry/2.0");
    assertThat(calls.send("GET", "/v2", null).statusCode()).isEqualTo(200);
  }

  @Test
  void getReturnsContentWithDigestLengthTypeAndEtag() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/library/app/blobs/" + digest, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(CONTENT);
    assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(CONTENT.length));
    assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(response.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
    assertThat(response.headers().firstValue("ETag")).contains("\"" + digest + "\"");
  }

  @Test
  void headReturnsTheSameHeadersWithoutBody() {
    HttpResponse<byte[]> response = calls.send("HEAD", "/v2/library/app/blobs/" + digest, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(CONTENT.length));
    assertThat(response.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
  }

  @Test
  void matchingIfNoneMatchIs304() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/library/app/blobs/" + digest, null,
        "If-None-Match", "\"" + digest + "\"");

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void byteRangesAreServedAs206() {
    HttpResponse<byte[]> middle = calls.send("GET", "/v2/library/app/blobs/" + digest, null, "Range", "bytes=2-5");
    HttpResponse<byte[]> open = calls.send("GET", "/v2/library/app/blobs/" + digest, null, "Range", "bytes=15-");
    HttpResponse<byte[]> suffix = calls.send("GET", "/v2/library/app/blobs/" + digest, null, "Range", "bytes=-3");
    HttpResponse<byte[]> beyond = calls.send("GET", "/v2/library/app/blobs/" + digest, null, "Range", "bytes=18-99");

    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 2, 6));
    assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 2-5/20");
    assertThat(middle.headers().firstValue("Content-Length")).contains("4");
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 15, 20));
    assertThat(open.headers().firstValue("Content-Range")).contains("bytes 15-19/20");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 17, 20));
    assertThat(beyond.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 18, 20));
    assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes 18-19/20");
  }

  @Test
  void unsatisfiableRangeIs416WithSize() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/library/app/blobs/" + digest, null,
        "Range", "bytes=20-30");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("Content-Range")).contains("bytes */20");
  }

  @Test
  void unusableRangeHeaderServesTheWholeBlob() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/library/app/blobs/" + digest, null,
        "Range", "bytes=0-1,4-5");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(CONTENT);
  }

  @Test
  void unknownBlobIs404BlobUnknown() {
    Digest unknown = Digest.sha256Of("nope".getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> get = calls.send("GET", "/v2/library/app/blobs/" + unknown, null);
    HttpResponse<byte[]> head = calls.send("HEAD", "/v2/library/app/blobs/" + unknown, null);

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(errorCode(get)).isEqualTo("BLOB_UNKNOWN");
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void blobOfAnotherRepositoryIsUnknownHere() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/library/other/blobs/" + digest, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(errorCode(response)).isEqualTo("BLOB_UNKNOWN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256:abc", "sha256", "md5:d41d8cd98f00b204e9800998ecf8427e", "latest",
      "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"})
  void invalidDigestIsDigestInvalid(String value) {
    HttpResponse<byte[]> get = calls.send("GET", "/v2/library/app/blobs/" + value, null);
    HttpResponse<byte[]> delete = calls.send("DELETE", "/v2/library/app/blobs/" + value, null);

    assertThat(get.statusCode()).isEqualTo(400);
    assertThat(errorCode(get)).isEqualTo("DIGEST_INVALID");
    assertThat(delete.statusCode()).isEqualTo(400);
    assertThat(errorCode(delete)).isEqualTo("DIGEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/Library/app/blobs/", "/v2/library/../app/blobs/", "/v2/library%2Fapp/blobs/",
      "/v2/library//app/blobs/"})
  void invalidRepositoryNamesAreRejected(String prefix) {
    HttpResponse<byte[]> response = calls.send("GET", prefix + digest, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("NAME_INVALID");
  }

  @Test
  void overlongRepositoryNameIsNameInvalid() {
    HttpResponse<byte[]> response = calls.send("GET", "/v2/" + "a".repeat(256) + "/blobs/" + digest, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(errorCode(response)).isEqualTo("NAME_INVALID");
  }

  @Test
  void deleteUnlinksTheBlobFromTheRepositoryOnly() {
    Digest shared = calls.pushBlob("library/other", CONTENT);

    HttpResponse<byte[]> deleted = calls.send("DELETE", "/v2/library/app/blobs/" + digest, null);

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertThat(deleted.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(errorCode(calls.send("GET", "/v2/library/app/blobs/" + digest, null))).isEqualTo("BLOB_UNKNOWN");
    assertThat(calls.send("GET", "/v2/library/other/blobs/" + shared, null).body()).isEqualTo(CONTENT);
    HttpResponse<byte[]> again = calls.send("DELETE", "/v2/library/app/blobs/" + digest, null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(errorCode(again)).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void deleteIs405WhenDeletesAreDisabled() {
    try (ApiTestServer plain = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults())) {
      RegistryCalls plainCalls = new RegistryCalls(plain);
      Digest stored = plainCalls.pushBlob("app", CONTENT);

      HttpResponse<byte[]> response = plainCalls.send("DELETE", "/v2/app/blobs/" + stored, null);

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(errorCode(response)).isEqualTo("UNSUPPORTED");
      assertThat(plainCalls.send("GET", "/v2/app/blobs/" + stored, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void largeBlobIsStreamedFromADriverWithoutLocalFiles() {
    byte[] large = new byte[6 * 1024 * 1024 + 3];
    new Random(5).nextBytes(large);
    Digest stored = calls.pushBlob("big", large);

    HttpResponse<byte[]> whole = calls.send("GET", "/v2/big/blobs/" + stored, null);
    HttpResponse<byte[]> tail = calls.send("GET", "/v2/big/blobs/" + stored, null, "Range", "bytes=5000000-");

    assertThat(whole.body()).isEqualTo(large);
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(large, 5_000_000, large.length));
  }
}
