package dev.berth.registry.api;

import static dev.berth.registry.api.ApiCalls.assertError;
import static dev.berth.registry.api.ApiCalls.text;
import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.LayoutPaths;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManifestApiIT {
  private static final String REPO = "team/app";
  private final InMemoryDriver driver = new InMemoryDriver();
  private ApiTestServer server;
  private ApiCalls api;
  private Digest config;
  private Digest layer;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(driver, ApiOptions.defaults().withDeleteEnabled(true));
    api = new ApiCalls(server);
    config = seedBlob(driver, REPO, "config");
    layer = seedBlob(driver, REPO, "layer");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String manifests(String reference) {
    return "/v2/" + REPO + "/manifests/" + reference;
  }

  private static Digest digestOf(String body) {
    return Digest.sha256Of(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dockerManifestPushedByTagIsServedByTagAndDigest() {
    String body = ManifestFixtures.dockerManifest(config, layer);
    Digest digest = digestOf(body);

    HttpResponse<byte[]> put = api.put(manifests("v1"), ManifestMediaTypes.DOCKER_MANIFEST, body);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("Location"))
        .contains(server.baseUri() + manifests(digest.toString()));
    assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(put.headers().firstValue("OCI-Subject")).isEmpty();

    for (String reference : new String[] {"v1", digest.toString()}) {
      HttpResponse<byte[]> get = api.get(manifests(reference), "Accept", ManifestMediaTypes.DOCKER_MANIFEST);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(text(get)).isEqualTo(body);
      assertThat(get.headers().firstValue("Content-Type")).contains(ManifestMediaTypes.DOCKER_MANIFEST);
      assertThat(get.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
      assertThat(get.headers().firstValue("ETag")).contains("\"" + digest + "\"");
      assertThat(get.headers().firstValue("Content-Length")).contains(String.valueOf(body.length()));
    }
  }

  @Test
  void headAnswersLikeGetWithoutBody() {
    String body = ManifestFixtures.ociManifest(config, layer);
    api.put(manifests("h"), ManifestMediaTypes.OCI_MANIFEST, body);
    HttpResponse<byte[]> head = api.head(manifests("h"));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(body.length()));
    assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(digestOf(body).toString());
    assertThat(head.headers().firstValue("Content-Type")).contains(ManifestMediaTypes.OCI_MANIFEST);
    assertThat(api.head(manifests("missing")).statusCode()).isEqualTo(404);
  }

  @Test
  void ociManifestPushedByDigestIsStoredByteForByte() {
    String body = "{\n  \"schemaVersion\": 2,\n  \"mediaType\": \"" + ManifestMediaTypes.OCI_MANIFEST
        + "\",\n  \"config\": " + ManifestFixtures.descriptor(ManifestFixtures.OCI_CONFIG, config, 6)
        + ",\n  \"layers\": []\n}\n";
    Digest digest = digestOf(body);
    assertThat(api.put(manifests(digest.toString()), ManifestMediaTypes.OCI_MANIFEST, body).statusCode())
        .isEqualTo(201);
    assertThat(text(api.get(manifests(digest.toString())))).isEqualTo(body);
  }

  @Test
  void sha512ReferenceStoresUnderTheSha512Digest() throws Exception {
    String body = ManifestFixtures.ociManifest(config, layer);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.of("sha512", Digest.newHasher("sha512").digest(bytes));
    HttpResponse<byte[]> put = api.put(manifests(digest.toString()), ManifestMediaTypes.OCI_MANIFEST, bytes);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertThat(api.get(manifests(digest.toString())).statusCode()).isEqualTo(200);
  }

  @Test
  void manifestWithoutMediaTypeIsServedAsItsContentType() {
    String body = "{\"schemaVersion\":2,\"config\":" + ManifestFixtures.descriptor(ManifestFixtures.OCI_CONFIG,
        config, 6) + ",\"layers\":[]}";
    assertThat(api.put(manifests("bare"), ManifestMediaTypes.OCI_MANIFEST, body).statusCode()).isEqualTo(201);
    assertThat(api.get(manifests("bare")).headers().firstValue("Content-Type"))
        .contains(ManifestMediaTypes.OCI_MANIFEST);
  }

  @Test
  void indexNeedsItsChildManifestsInTheRepository() {
    String child = ManifestFixtures.ociManifest(config, layer);
    Digest childDigest = digestOf(child);
    String index = ManifestFixtures.index(ManifestMediaTypes.OCI_INDEX, childDigest);

    JsonAssert.detail(assertError(api.put(manifests("multi"), ManifestMediaTypes.OCI_INDEX, index), 400,
        ErrorCode.MANIFEST_BLOB_UNKNOWN), childDigest.toString());

    assertThat(api.put(manifests(childDigest.toString()), ManifestMediaTypes.OCI_MANIFEST, child).statusCode())
        .isEqualTo(201);
    assertThat(api.put(manifests("multi"), ManifestMediaTypes.OCI_INDEX, index).statusCode()).isEqualTo(201);
    HttpResponse<byte[]> get = api.get(manifests("multi"), "Accept", ManifestMediaTypes.OCI_INDEX);
    assertThat(get.headers().firstValue("Content-Type")).contains(ManifestMediaTypes.OCI_INDEX);
  }

  @Test
  void dockerManifestListIsAccepted() {
    String child = ManifestFixtures.dockerManifest(config, layer);
    api.put(manifests("amd64"), ManifestMediaTypes.DOCKER_MANIFEST, child);
    String list = ManifestFixtures.index(ManifestMediaTypes.DOCKER_MANIFEST_LIST, digestOf(child));
    assertThat(api.put(manifests("list"), ManifestMediaTypes.DOCKER_MANIFEST_LIST, list).statusCode())
        .isEqualTo(201);
    assertThat(api.get(manifests("list")).headers().firstValue("Content-Type"))
        .contains(ManifestMediaTypes.DOCKER_MANIFEST_LIST);
  }

  @Test
  void missingLayerOrConfigIsManifestBlobUnknownNamingTheDigest() {
    Digest absent = Digest.sha256Of(new byte[] {9});
    JsonAssert.detail(assertError(api.put(manifests("x"), ManifestMediaTypes.OCI_MANIFEST,
        ManifestFixtures.ociManifest(config, layer, absent)), 400, ErrorCode.MANIFEST_BLOB_UNKNOWN), absent.toString());
    JsonAssert.detail(assertError(api.put(manifests("x"), ManifestMediaTypes.DOCKER_MANIFEST,
        ManifestFixtures.dockerManifest(absent, layer)), 400, ErrorCode.MANIFEST_BLOB_UNKNOWN), absent.toString());
    assertThat(api.get(manifests("x")).statusCode()).isEqualTo(404);
  }

  @Test
  void blobLinkedOnlyInAnotherRepositoryDoesNotCount() {
    Digest foreign = seedBlob(driver, "other/repo", "only there");
    assertError(api.put(manifests("x"), ManifestMediaTypes.OCI_MANIFEST,
        ManifestFixtures.ociManifest(config, foreign)), 400, ErrorCode.MANIFEST_BLOB_UNKNOWN);
  }

  @Test
  void artifactWithSubjectIsAcceptedBeforeItsSubjectAndAnnouncesIt() {
    Digest empty = seedBlob(driver, REPO, "{}");
    assertThat(empty.toString()).isEqualTo(ManifestMediaTypes.OCI_EMPTY_DIGEST);
    Digest subject = Digest.sha256Of(new byte[] {42});
    String artifact = ManifestFixtures.artifact("application/vnd.example.sig", empty, layer, subject, "n");
    HttpResponse<byte[]> put = api.put(manifests(digestOf(artifact).toString()), ManifestMediaTypes.OCI_MANIFEST,
        artifact);
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(put.headers().firstValue("OCI-Subject")).contains(subject.toString());
  }

  @Test
  void digestReferenceMustMatchTheContent() {
    String body = ManifestFixtures.ociManifest(config, layer);
    Digest other = Digest.sha256Of(new byte[] {1});
    assertError(api.put(manifests(other.toString()), ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.DIGEST_INVALID);
    assertThat(api.get(manifests(other.toString())).statusCode()).isEqualTo(404);
    assertThat(api.get(manifests(digestOf(body).toString())).statusCode()).isEqualTo(404);
  }

  @Test
  void invalidBodiesAreManifestInvalid() throws Exception {
    assertError(api.put(manifests("t"), ManifestMediaTypes.OCI_MANIFEST, "{not json"), 400,
        ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t"), ManifestMediaTypes.OCI_MANIFEST, ""), 400, ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t"), ManifestMediaTypes.DOCKER_MANIFEST,
        ManifestFixtures.ociManifest(config, layer)), 400, ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t"), "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "{\"schemaVersion\":1,\"name\":\"team/app\",\"tag\":\"t\",\"fsLayers\":[],\"signatures\":[]}"), 400,
        ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t"), "application/vnd.example.unknown+json",
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example.unknown+json\"}"), 400,
        ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t"), ManifestMediaTypes.OCI_MANIFEST,
        ManifestFixtures.ociManifest(config, layer).replace(layer.toString(), "sha256:short")), 400,
        ErrorCode.MANIFEST_INVALID);
    assertThat(driver.list(LayoutPaths.REPOSITORIES + "/" + REPO)).noneMatch(path -> path.endsWith("_manifests"));
  }

  @Test
  void badReferencesAndNamesAreRefused() {
    String body = ManifestFixtures.ociManifest(config, layer);
    assertError(api.put(manifests("-bad-tag"), ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("t".repeat(129)), ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.MANIFEST_INVALID);
    assertError(api.put(manifests("sha256:abc"), ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.DIGEST_INVALID);
    assertError(api.put(manifests("md5:" + "a".repeat(32)), ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.DIGEST_INVALID);
    assertError(api.put("/v2/Team/App/manifests/t", ManifestMediaTypes.OCI_MANIFEST, body), 400,
        ErrorCode.NAME_INVALID);
    assertError(api.get(manifests("sha256:zz")), 400, ErrorCode.DIGEST_INVALID);
    assertError(api.get(manifests("-bad")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.get("/v2/UPPER/manifests/t"), 400, ErrorCode.NAME_INVALID);
    assertError(api.get("/v2/a/%2E%2E/b/manifests/t"), 400, ErrorCode.NAME_INVALID);
  }

  @Test
  void unknownManifestsAreManifestUnknown() {
    assertError(api.get(manifests("nope")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.get(manifests(Digest.sha256Of(new byte[] {7}).toString())), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.get("/v2/no/such/repo/manifests/latest"), 404, ErrorCode.MANIFEST_UNKNOWN);
  }

  @Test
  void manifestOverFourMebibytesIsRefusedWith413() {
    byte[] huge = new byte[ManifestHandler.MAX_MANIFEST_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertError(api.put(manifests("big"), ManifestMediaTypes.OCI_MANIFEST, huge), 413, ErrorCode.MANIFEST_INVALID);

    // Without Content-Length (chunked) the limit holds while reading.
    HttpResponse<byte[]> chunked = api.send(api.request(manifests("big"))
        .header("Content-Type", ManifestMediaTypes.OCI_MANIFEST)
        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
    assertError(chunked, 413, ErrorCode.MANIFEST_INVALID);
    assertThat(api.get(manifests("big")).statusCode()).isEqualTo(404);
  }

  @Test
  void manifestOfExactlyFourMebibytesIsAccepted() {
    String start = ManifestFixtures.ociManifest(config, layer);
    String prefix = start.substring(0, start.length() - 1) + ",\"annotations\":{\"pad\":\"";
    String suffix = "\"}}";
    int padding = ManifestHandler.MAX_MANIFEST_BYTES - prefix.length() - suffix.length();
    String body = prefix + "x".repeat(padding) + suffix;
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(ManifestHandler.MAX_MANIFEST_BYTES);
    assertThat(api.put(manifests("limit"), ManifestMediaTypes.OCI_MANIFEST, body).statusCode()).isEqualTo(201);
  }

  @Test
  void acceptHeaderThatExcludesAnOciTypeGetsManifestUnknown() {
    api.put(manifests("oci"), ManifestMediaTypes.OCI_MANIFEST, ManifestFixtures.ociManifest(config, layer));
    assertError(api.get(manifests("oci"), "Accept", ManifestMediaTypes.DOCKER_MANIFEST), 404,
        ErrorCode.MANIFEST_UNKNOWN);
    assertThat(api.get(manifests("oci"), "Accept",
        ManifestMediaTypes.DOCKER_MANIFEST + ", " + ManifestMediaTypes.OCI_MANIFEST).statusCode()).isEqualTo(200);
    assertThat(api.get(manifests("oci"), "Accept", "*/*").statusCode()).isEqualTo(200);
    assertThat(api.get(manifests("oci")).statusCode()).isEqualTo(200);
  }

  @Test
  void matchingIfNoneMatchGetsNotModified() {
    String body = ManifestFixtures.ociManifest(config, layer);
    api.put(manifests("cached"), ManifestMediaTypes.OCI_MANIFEST, body);
    HttpResponse<byte[]> response = api.get(manifests("cached"), "If-None-Match", "\"" + digestOf(body) + "\"");
    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
    assertThat(api.get(manifests("cached"), "If-None-Match", "\"sha256:other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void deletingATagUntagsAndKeepsTheManifest() {
    String body = ManifestFixtures.ociManifest(config, layer);
    Digest digest = digestOf(body);
    api.put(manifests("keep"), ManifestMediaTypes.OCI_MANIFEST, body);
    api.put(manifests("drop"), ManifestMediaTypes.OCI_MANIFEST, body);

    HttpResponse<byte[]> delete = api.delete(manifests("drop"));
    assertThat(delete.statusCode()).isEqualTo(202);
    assertThat(delete.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
    assertError(api.get(manifests("drop")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertThat(api.get(manifests("keep")).statusCode()).isEqualTo(200);
    assertThat(api.get(manifests(digest.toString())).statusCode()).isEqualTo(200);
    assertError(api.delete(manifests("drop")), 404, ErrorCode.MANIFEST_UNKNOWN);
  }

  @Test
  void deletingByDigestRemovesTheManifestAndItsTags() {
    String body = ManifestFixtures.ociManifest(config, layer);
    Digest digest = digestOf(body);
    api.put(manifests("one"), ManifestMediaTypes.OCI_MANIFEST, body);
    api.put(manifests("two"), ManifestMediaTypes.OCI_MANIFEST, body);

    assertThat(api.delete(manifests(digest.toString())).statusCode()).isEqualTo(202);
    assertError(api.get(manifests(digest.toString())), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.get(manifests("one")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.get(manifests("two")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.delete(manifests(digest.toString())), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertError(api.delete(manifests("sha256:bad")), 400, ErrorCode.DIGEST_INVALID);
  }

  @Test
  void deletesAreUnsupportedUnlessEnabledAndWritesInReadOnlyMode() {
    String body = ManifestFixtures.ociManifest(config, layer);
    api.put(manifests("t"), ManifestMediaTypes.OCI_MANIFEST, body);
    try (ApiTestServer defaults = ApiTestServer.start(driver, ApiOptions.defaults());
        ApiTestServer readOnly = ApiTestServer.start(driver, ApiOptions.defaults().withReadOnly(true))) {
      assertError(new ApiCalls(defaults).delete(manifests("t")), 405, ErrorCode.UNSUPPORTED);
      ApiCalls readOnlyApi = new ApiCalls(readOnly);
      assertError(readOnlyApi.put(manifests("u"), ManifestMediaTypes.OCI_MANIFEST, body), 405,
          ErrorCode.UNSUPPORTED);
      assertThat(readOnlyApi.get(manifests("t")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void relativeUrlsOptionGivesAPathLocation() {
    ApiOptions relative = new ApiOptions(false, false, true, null, false, "s");
    try (ApiTestServer other = ApiTestServer.start(driver, relative)) {
      String body = ManifestFixtures.ociManifest(config, layer);
      HttpResponse<byte[]> put = new ApiCalls(other).put(manifests("r"), ManifestMediaTypes.OCI_MANIFEST, body);
      assertThat(put.headers().firstValue("Location")).contains(manifests(digestOf(body).toString()));
    }
  }

  @Test
  void configuredHostPrefixesTheLocation() {
    ApiOptions withHost = new ApiOptions(false, false, false, "https://registry.example.com/", false, "s");
    try (ApiTestServer other = ApiTestServer.start(driver, withHost)) {
      String body = ManifestFixtures.ociManifest(config, layer);
      HttpResponse<byte[]> put = new ApiCalls(other).put(manifests("h"), ManifestMediaTypes.OCI_MANIFEST, body);
      assertThat(put.headers().firstValue("Location"))
          .contains("https://registry.example.com" + manifests(digestOf(body).toString()));
    }
  }

  @Test
  void forwardedHeadersFromAProxyShapeTheLocation() {
    String body = ManifestFixtures.ociManifest(config, layer);
    HttpResponse<byte[]> put = api.send(api.request(manifests("p"))
        .header("Content-Type", ManifestMediaTypes.OCI_MANIFEST)
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "registry.example.org, proxy.internal")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(put.headers().firstValue("Location"))
        .contains("https://registry.example.org" + manifests(digestOf(body).toString()));
  }

  @Test
  void manifestWrittenByRegistry2IsServed() throws Exception {
    String body = ManifestFixtures.dockerManifest(config, layer);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(bytes);
    String hex = digest.hex();
    String repoDir = "/docker/registry/v2/repositories/" + REPO;
    byte[] link = digest.toString().getBytes(StandardCharsets.UTF_8);
    driver.putContent("/docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data", bytes);
    driver.putContent(repoDir + "/_manifests/revisions/sha256/" + hex + "/link", link);
    driver.putContent(repoDir + "/_manifests/tags/stable/index/sha256/" + hex + "/link", link);
    driver.putContent(repoDir + "/_manifests/tags/stable/current/link", link);

    HttpResponse<byte[]> get = api.get(manifests("stable"));
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(bytes);
    assertThat(get.headers().firstValue("Content-Type")).contains(ManifestMediaTypes.DOCKER_MANIFEST);
    assertThat(ApiCalls.json(api.get("/v2/" + REPO + "/tags/list")).path("tags").get(0).asText()).isEqualTo("stable");
    assertThat(text(api.get("/v2/_catalog"))).contains("\"" + REPO + "\"");
  }

  @Test
  void clientThatDisconnectsMidManifestLeavesNothingAndTheServerServesOn() throws Exception {
    String body = ManifestFixtures.ociManifest(config, layer);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.baseUri().getPort())) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("PUT " + manifests("cut") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
          + ManifestMediaTypes.OCI_MANIFEST + "\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    assertError(api.get(manifests("cut")), 404, ErrorCode.MANIFEST_UNKNOWN);
    assertThat(api.put(manifests("whole"), ManifestMediaTypes.OCI_MANIFEST, body).statusCode()).isEqualTo(201);
  }
}
