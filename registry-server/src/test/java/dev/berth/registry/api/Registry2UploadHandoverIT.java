package dev.berth.registry.api;

import static dev.berth.registry.api.RegistryCalls.target;
import static dev.berth.registry.api.RegistryCalls.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.FilesystemDriver;
import dev.berth.registry.testsupport.RegistryProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload session started on Debian's docker-registry (distribution 2.8.2) is finished on Berth over the same
 * storage root, and the reverse, with both sharing {@code http.secret}: the signed {@code _state} of one is
 * accepted by the other, and the session's bytes are hashed from storage by the registry that did not write them.
 * This is what a rolling migration behind one load balancer needs.
 */
class Registry2UploadHandoverIT {
  private static final String SECRET = "handover-secret";
  private static final ApiOptions OPTIONS = new ApiOptions(true, false, false, null, false, SECRET);

  @TempDir
  Path temp;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void sessionStartedOnRegistry2IsFinishedOnBerth() throws Exception {
    Path root = temp.resolve("root");
    byte[] blob = bytes(300_000, 21);
    URI registry2Location;
    try (RegistryProcess registry2 = RegistryProcess.start(registry2WithSecret(), root, temp.resolve("r2"))) {
      HttpResponse<byte[]> started = send("POST", registry2.baseUri().resolve("/v2/handover/app/blobs/uploads/"),
          null);
      assertThat(started.statusCode()).isEqualTo(202);
      HttpResponse<byte[]> patched = send("PATCH", location(registry2.baseUri(), started),
          Arrays.copyOf(blob, 120_000));
      assertThat(patched.statusCode()).isEqualTo(202);
      registry2Location = location(registry2.baseUri(), patched);
    }

    try (ApiTestServer berth = ApiTestServer.start(new FilesystemDriver(root), OPTIONS)) {
      RegistryCalls calls = new RegistryCalls(berth);
      URI onBerth = berth.uri(target(registry2Location));

      HttpResponse<byte[]> status = calls.send("GET", onBerth, null);
      assertThat(status.statusCode()).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).contains("0-119999");
      HttpResponse<byte[]> rest = calls.send("PATCH", onBerth, Arrays.copyOfRange(blob, 120_000, blob.length),
          "Content-Range", "120000-" + (blob.length - 1));
      assertThat(rest.statusCode()).isEqualTo(202);
      Digest digest = Digest.sha256Of(blob);
      HttpResponse<byte[]> put = calls.send("PUT", withQuery(calls.location(rest), "digest=" + digest), null);
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(calls.send("GET", "/v2/handover/app/blobs/" + digest, null).body()).isEqualTo(blob);
    }
  }

  @Test
  void sessionStartedOnBerthIsFinishedOnRegistry2() throws Exception {
    Path root = temp.resolve("root");
    byte[] blob = bytes(250_000, 22);
    String berthLocation;
    try (ApiTestServer berth = ApiTestServer.start(new FilesystemDriver(root), OPTIONS)) {
      RegistryCalls calls = new RegistryCalls(berth);
      HttpResponse<byte[]> patched = calls.send("PATCH", calls.startUpload("handover/app"),
          Arrays.copyOf(blob, 100_000));
      assertThat(patched.statusCode()).isEqualTo(202);
      berthLocation = target(calls.location(patched));
    }

    try (RegistryProcess registry2 = RegistryProcess.start(registry2WithSecret(), root, temp.resolve("r2"))) {
      URI onRegistry2 = registry2.baseUri().resolve(berthLocation);
      HttpResponse<byte[]> rest = send("PATCH", onRegistry2, Arrays.copyOfRange(blob, 100_000, blob.length));
      assertThat(rest.statusCode()).as(new String(rest.body())).isEqualTo(202);
      Digest digest = Digest.sha256Of(blob);
      HttpResponse<byte[]> put = send("PUT", withQuery(location(registry2.baseUri(), rest), "digest=" + digest),
          null);
      assertThat(put.statusCode()).as(new String(put.body())).isEqualTo(201);
      HttpResponse<byte[]> pulled = send("GET", registry2.baseUri().resolve("/v2/handover/app/blobs/" + digest),
          null);
      assertThat(pulled.body()).isEqualTo(blob);
    }
  }

  private static RegistryProcess.Launcher registry2WithSecret() {
    // The process environment is scrubbed of REGISTRY_* variables; env(1) sets the secret for the child alone.
    return config -> List.of("env", "REGISTRY_HTTP_SECRET=" + SECRET, "docker-registry", "serve", config.toString());
  }

  private HttpResponse<byte[]> send(String method, URI uri, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", "application/octet-stream")
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static URI location(URI base, HttpResponse<?> response) {
    return base.resolve(response.headers().firstValue("Location").orElseThrow());
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
