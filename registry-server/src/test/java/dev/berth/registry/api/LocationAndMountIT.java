package dev.berth.registry.api;

import static dev.berth.registry.api.RegistryCalls.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocationAndMountIT {
  private static final byte[] CONTENT = "mountable layer".getBytes(StandardCharsets.UTF_8);

  @Test
  void locationsAreAbsoluteFromTheRequestHostByDefault() {
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/", null);
      HttpResponse<byte[]> forwarded = calls.send("POST", "/v2/app/blobs/uploads/", null,
          "X-Forwarded-Proto", "https", "X-Forwarded-Host", "registry.example.com");

      assertThat(response.headers().firstValue("Location").orElseThrow())
          .startsWith("http://127.0.0.1:" + server.port() + "/v2/app/blobs/uploads/");
      assertThat(forwarded.headers().firstValue("Location").orElseThrow())
          .startsWith("https://registry.example.com/v2/app/blobs/uploads/");
    }
  }

  @Test
  void locationsUseHttpHostWhenConfigured() {
    ApiOptions options = new ApiOptions(false, false, false, "https://registry.example.com:8443", false, "secret");
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), options, AccessControl.allowAll(),
        "/registry")) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> response = calls.send("POST",
          "/v2/app/blobs/uploads/?digest=" + Digest.sha256Of(CONTENT), CONTENT);

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("Location"))
          .contains("https://registry.example.com:8443/registry/v2/app/blobs/" + Digest.sha256Of(CONTENT));
    }
  }

  @Test
  void httpHostWithAPathReplacesTheMountPoint() {
    // A proxy serving the registry under /mirror and stripping that prefix: the registry itself has none.
    ApiOptions options = new ApiOptions(false, false, false, "https://example.com/mirror/", false, "secret");
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), options)) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/", null);

      assertThat(response.headers().firstValue("Location").orElseThrow())
          .startsWith("https://example.com/mirror/v2/app/blobs/uploads/");
    }
  }

  @Test
  void locationsAreRelativePathsWithRelativeUrls() {
    ApiOptions options = new ApiOptions(false, false, true, "https://registry.example.com", false, null);
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), options)) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/", null);

      String location = response.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/v2/app/blobs/uploads/");
      // Without a secret there is no state to sign, and the session still works.
      assertThat(location).doesNotContain("_state");
      assertThat(calls.send("PATCH", calls.location(response), CONTENT).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void locationsKeepThePathPrefixTheApiIsMountedUnder() {
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(),
        new ApiOptions(false, false, true, null, false, "secret"), AccessControl.allowAll(), "/registry")) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> started = calls.send("POST", "/v2/app/blobs/uploads/", null);
      assertThat(started.statusCode()).isEqualTo(202);
      assertThat(started.headers().firstValue("Location").orElseThrow()).startsWith("/registry/v2/app/blobs/uploads/");

      URI upload = URI.create("http://127.0.0.1:" + server.port()
          + started.headers().firstValue("Location").orElseThrow());
      HttpResponse<byte[]> put = calls.send("PUT", withQuery(upload, "digest=" + Digest.sha256Of(CONTENT)), CONTENT);
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(put.headers().firstValue("Location")).contains("/registry/v2/app/blobs/" + Digest.sha256Of(CONTENT));
    }
  }

  @Test
  void mountLinksABlobTheSourceRepositoryHas() {
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(server);
      Digest digest = calls.pushBlob("source/repo", CONTENT);

      HttpResponse<byte[]> mounted = calls.send("POST",
          "/v2/target/repo/blobs/uploads/?mount=" + digest + "&from=source/repo", null);

      assertThat(mounted.statusCode()).isEqualTo(201);
      assertThat(mounted.headers().firstValue("Location"))
          .contains(server.baseUri() + "/v2/target/repo/blobs/" + digest);
      assertThat(mounted.headers().firstValue("Docker-Content-Digest")).contains(digest.toString());
      assertThat(calls.send("GET", "/v2/target/repo/blobs/" + digest, null).body()).isEqualTo(CONTENT);
    }
  }

  @Test
  void unmountableBlobFallsBackToANewSession() {
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults())) {
      RegistryCalls calls = new RegistryCalls(server);
      Digest digest = calls.pushBlob("source/repo", CONTENT);
      Digest absent = Digest.sha256Of("absent".getBytes(StandardCharsets.UTF_8));

      for (String query : new String[] {"mount=" + absent + "&from=source/repo", "mount=" + digest + "&from=elsewhere",
          "mount=sha256:bad&from=source/repo", "mount=" + digest + "&from=Bad..Name", "mount=" + digest}) {
        HttpResponse<byte[]> response = calls.send("POST", "/v2/target/repo/blobs/uploads/?" + query, null);

        assertThat(response.statusCode()).as(query).isEqualTo(202);
        assertThat(response.headers().firstValue("Docker-Upload-UUID")).isPresent();
      }
      assertThat(calls.send("HEAD", "/v2/target/repo/blobs/" + digest, null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void mountFromARepositoryTheCallerMayNotPullFallsBackToANewSession() {
    AccessControl noPullFromSecret = new AccessControl() {
      @Override
      public Future<Principal> authenticate(HttpServerRequest request) {
        return Future.succeededFuture(Principal.ANONYMOUS);
      }

      @Override
      public boolean allowed(Principal principal, RepositoryName repository, Action action) {
        return !(repository.value().equals("secret/repo") && action == Action.PULL);
      }
    };
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults(), noPullFromSecret,
        "")) {
      RegistryCalls calls = new RegistryCalls(server);
      URI upload = calls.startUpload("secret/repo");
      HttpResponse<byte[]> patched = calls.send("PATCH", upload, CONTENT);
      Digest digest = Digest.sha256Of(CONTENT);
      assertThat(calls.send("PUT", withQuery(calls.location(patched), "digest=" + digest), null).statusCode())
          .isEqualTo(201);

      HttpResponse<byte[]> response = calls.send("POST",
          "/v2/target/repo/blobs/uploads/?mount=" + digest + "&from=secret/repo", null);

      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(calls.send("HEAD", "/v2/target/repo/blobs/" + digest, null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void writesAre405InReadOnlyMode() {
    try (ApiTestServer server = ApiTestServer.start(new InMemoryDriver(), ApiOptions.defaults().withReadOnly(true))) {
      RegistryCalls calls = new RegistryCalls(server);

      HttpResponse<byte[]> response = calls.send("POST", "/v2/app/blobs/uploads/", null);

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(RegistryCalls.errorCode(response)).isEqualTo("UNSUPPORTED");
    }
  }
}
