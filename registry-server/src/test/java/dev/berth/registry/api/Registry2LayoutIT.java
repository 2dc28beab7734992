package dev.berth.registry.api;

import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.FileInfo;
import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.StorageDriver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the manifest layout against the real registry:2 (Debian's {@code docker-registry}, distribution 2.8):
 * what Berth's manifest store writes, copied to a directory, is served by registry:2, and what registry:2 writes,
 * loaded into a driver, is served by Berth.
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
    InMemoryDriver driver = new InMemoryDriver();
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
    dump(driver, "/", root);

    try (Registry2 registry2 = Registry2.start(root)) {
      HttpResponse<String> byTag = get(registry2.base.resolve("/v2/" + REPO + "/manifests/v1"), OCI_ACCEPT);
      assertThat(byTag.statusCode()).as(byTag.body()).isEqualTo(200);
      assertThat(byTag.body()).isEqualTo(manifest);
      assertThat(byTag.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
      HttpResponse<String> multi = get(registry2.base.resolve("/v2/" + REPO + "/manifests/multi"), OCI_ACCEPT);
      assertThat(multi.body()).isEqualTo(index);
      HttpResponse<String> tags = get(registry2.base.resolve("/v2/" + REPO + "/tags/list"), null);
      assertThat(tags.body()).contains("\"v1\"", "\"multi\"", "\"sig\"");
      HttpResponse<String> catalog = get(registry2.base.resolve("/v2/_catalog"), null);
      assertThat(catalog.body()).isEqualTo("{\"repositories\":[\"" + REPO + "\"]}\n");
    }
  }

  @Test
  void berthServesWhatRegistry2Wrote() throws Exception {
    String manifest;
    Digest digest;
    try (Registry2 registry2 = Registry2.start(root)) {
      Digest config = upload(registry2.base, "{\"architecture\":\"amd64\"}");
      Digest layer = upload(registry2.base, "layer bytes");
      manifest = ManifestFixtures.dockerManifest(config, layer);
      digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> put = client.send(HttpRequest.newBuilder(
              registry2.base.resolve("/v2/" + REPO + "/manifests/stable"))
          .header("Content-Type", ManifestMediaTypes.DOCKER_MANIFEST)
          .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    }
    InMemoryDriver driver = new InMemoryDriver();
    load(root, driver);

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

  private static void dump(StorageDriver driver, String path, Path root) throws IOException {
    FileInfo info = driver.stat(path);
    if (!info.directory()) {
      Path file = root.resolve(path.substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getContent(path));
      return;
    }
    for (String child : driver.list(path)) {
      dump(driver, child, root);
    }
  }

  private static void load(Path root, StorageDriver driver) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        driver.putContent("/" + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
  }

  /** A registry:2 process on a free port serving a root directory; closing stops it. */
  private static final class Registry2 implements AutoCloseable {
    private final Process process;
    private final URI base;

    private Registry2(Process process, URI base) {
      this.process = process;
      this.base = base;
    }

    static Registry2 start(Path root) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path config = Files.createTempFile("registry2", ".yml");
      Files.writeString(config, "version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: "
          + root + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
      Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      Registry2 registry = new Registry2(process, URI.create("http://127.0.0.1:" + port));
      registry.awaitReady();
      return registry;
    }

    private void awaitReady() throws Exception {
      HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("docker-registry exited with " + process.exitValue());
        }
        try {
          if (probe.send(HttpRequest.newBuilder(base.resolve("/v2/")).build(),
              HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("docker-registry did not answer on " + base);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      process.waitFor();
    }
  }
}
