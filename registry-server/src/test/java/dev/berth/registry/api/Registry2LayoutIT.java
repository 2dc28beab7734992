package dev.berth.registry.api;

import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.FilesystemDriver;
import dev.berth.registry.testsupport.RegistryProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the manifest layout against the real registry:2 (Debian's {@code docker-registry}, distribution 2.8) on
 * one storage root: manifests, tags and referrer links that Berth's manifest endpoints write (through the
 * filesystem driver) are served by registry:2, and what registry:2 writes is served by Berth. Blobs are seeded
 * directly, so this needs no upload endpoint.
 */
class Registry2LayoutIT {
  private static final String REPO = "interop/app";
  private static final String OCI_ACCEPT = ManifestMediaTypes.OCI_MANIFEST + ", " + ManifestMediaTypes.OCI_INDEX
      + ", " + ManifestMediaTypes.DOCKER_MANIFEST + ", " + ManifestMediaTypes.DOCKER_MANIFEST_LIST;
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir
  Path root;

  @Test
  void registry2ServesWhatBerthWrote() throws Exception {
    FilesystemDriver driver = new FilesystemDriver(root.resolve("storage"));
    String manifest = ManifestFixtures.ociManifest(seedBlob(driver, REPO, "config"), seedBlob(driver, REPO, "layer"));
    Digest digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8));
    String index = ManifestFixtures.index(ManifestMediaTypes.OCI_INDEX, digest);
    Digest empty = seedBlob(driver, REPO, "{}");
    String artifact = ManifestFixtures.artifact("application/vnd.example", empty, seedBlob(driver, REPO, "sig"),
        digest, "n");
    try (ApiTestServer berth = ApiTestServer.start(driver, ApiOptions.defaults())) {
      ApiCalls api = new ApiCalls(berth);
      assertThat(api.put("/v2/" + REPO + "/manifests/v1", ManifestMediaTypes.OCI_MANIFEST, manifest).statusCode())
          .isEqualTo(201);
      assertThat(api.put("/v2/" + REPO + "/manifests/multi", ManifestMediaTypes.OCI_INDEX, index).statusCode())
          .isEqualTo(201);
      assertThat(api.put("/v2/" + REPO + "/manifests/sig", ManifestMediaTypes.OCI_MANIFEST, artifact).statusCode())
          .isEqualTo(201);
    }

    try (RegistryProcess registry2 = startRegistry2()) {
      HttpResponse<String> byTag = get(registry2.baseUri().resolve("/v2/" + REPO + "/manifests/v1"), OCI_ACCEPT);
      assertThat(byTag.statusCode()).as(byTag.body()).isEqualTo(200);
      assertThat(byTag.body()).isEqualTo(manifest);
      assertThat(byTag.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
      HttpResponse<String> multi = get(registry2.baseUri().resolve("/v2/" + REPO + "/manifests/multi"), OCI_ACCEPT);
      assertThat(multi.body()).isEqualTo(index);
      HttpResponse<String> tags = get(registry2.baseUri().resolve("/v2/" + REPO + "/tags/list"), null);
      assertThat(tags.body()).contains("\"v1\"", "\"multi\"", "\"sig\"");
      HttpResponse<String> catalog = get(registry2.baseUri().resolve("/v2/_catalog"), null);
      assertThat(catalog.body()).isEqualTo("{\"repositories\":[\"" + REPO + "\"]}\n");
    }
  }

  @Test
  void berthServesWhatRegistry2Wrote() throws Exception {
    String manifest;
    Digest digest;
    try (RegistryProcess registry2 = startRegistry2()) {
      Digest config = upload(registry2.baseUri(), "{\"architecture\":\"amd64\"}");
      Digest layer = upload(registry2.baseUri(), "layer bytes");
      manifest = ManifestFixtures.dockerManifest(config, layer);
      digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> put = client.send(HttpRequest.newBuilder(
              registry2.baseUri().resolve("/v2/" + REPO + "/manifests/stable"))
          .header("Content-Type", ManifestMediaTypes.DOCKER_MANIFEST)
          .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    }
    FilesystemDriver driver = new FilesystemDriver(root.resolve("storage"));

    try (ApiTestServer berth = ApiTestServer.start(driver, ApiOptions.defaults().withDeleteEnabled(true))) {
      ApiCalls api = new ApiCalls(berth);
      HttpResponse<byte[]> get = api.get("/v2/" + REPO + "/manifests/stable");
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(ApiCalls.text(get)).isEqualTo(manifest);
      assertThat(get.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
      assertThat(ApiCalls.text(api.get("/v2/" + REPO + "/tags/list"))).contains("\"stable\"");
      assertThat(ApiCalls.text(api.get("/v2/_catalog"))).contains("\"" + REPO + "\"");
      // Blobs linked by registry:2 satisfy Berth's reference check: the same manifest re-pushed under a new tag.
      assertThat(api.put("/v2/" + REPO + "/manifests/again", ManifestMediaTypes.DOCKER_MANIFEST, manifest)
          .statusCode()).isEqualTo(201);
    }
  }

  private HttpResponse<String> get(URI uri, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A monolithic upload to registry:2: POST for a session, PUT with the digest. */
  private Digest upload(URI base, String content) throws Exception {
    Digest digest = Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> start = client.send(HttpRequest.newBuilder(base.resolve("/v2/" + REPO + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    String location = start.headers().firstValue("Location").orElseThrow();
    URI target = base.resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
    HttpResponse<String> put = client.send(HttpRequest.newBuilder(target)
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    return digest;
  }

  private RegistryProcess startRegistry2() throws Exception {
    return RegistryProcess.start(RegistryProcess.registry2(), root.resolve("storage"), root.resolve("registry2"));
  }
}
