package dev.berth.registry.api;

import static dev.berth.registry.api.ApiCalls.assertError;
import static dev.berth.registry.api.ApiCalls.json;
import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.storage.InMemoryDriver;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogApiIT {
  private final InMemoryDriver driver = new InMemoryDriver();

  private void push(ApiCalls api, String repository) {
    String manifest = ManifestFixtures.ociManifest(seedBlob(driver, repository, "c"), seedBlob(driver, repository, "l"));
    assertThat(api.put("/v2/" + repository + "/manifests/t", ManifestMediaTypes.OCI_MANIFEST, manifest).statusCode())
        .isEqualTo(201);
  }

  private static List<String> names(HttpResponse<byte[]> response) {
    List<String> result = new ArrayList<>();
    json(response).path("repositories").forEach(node -> result.add(node.asText()));
    return result;
  }

  @Test
  void listsRepositoriesSortedAndSkipsBlobOnlyOnes() {
    try (ApiTestServer server = ApiTestServer.start(driver, ApiOptions.defaults())) {
      ApiCalls api = new ApiCalls(server);
      for (String repository : List.of("zeta", "alpha/beta", "alpha", "alpha-two", "deep/er/still")) {
        push(api, repository);
      }
      seedBlob(driver, "blobs/only", "x");
      HttpResponse<byte[]> response = api.get("/v2/_catalog");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(names(response)).containsExactly("alpha", "alpha-two", "alpha/beta", "deep/er/still", "zeta");
      assertThat(response.headers().firstValue("Link")).isEmpty();
    }
  }

  @Test
  void emptyRegistryHasAnEmptyCatalog() {
    try (ApiTestServer server = ApiTestServer.start(driver, ApiOptions.defaults())) {
      HttpResponse<byte[]> response = new ApiCalls(server).get("/v2/_catalog");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).path("repositories").isArray()).isTrue();
      assertThat(names(response)).isEmpty();
    }
  }

  @Test
  void paginatesWithLinkHeader() {
    try (ApiTestServer server = ApiTestServer.start(driver, ApiOptions.defaults())) {
      ApiCalls api = new ApiCalls(server);
      for (String repository : List.of("a", "b/c", "d")) {
        push(api, repository);
      }
      HttpResponse<byte[]> first = api.get("/v2/_catalog?n=2");
      assertThat(names(first)).containsExactly("a", "b/c");
      assertThat(first.headers().firstValue("Link")).contains("</v2/_catalog?n=2&last=b%2Fc>; rel=\"next\"");
      HttpResponse<byte[]> second = api.get("/v2/_catalog?n=2&last=b%2Fc");
      assertThat(names(second)).containsExactly("d");
      assertThat(second.headers().firstValue("Link")).isEmpty();
      assertThat(names(api.get("/v2/_catalog?n=0"))).isEmpty();
      assertThat(api.get("/v2/_catalog?n=0").headers().firstValue("Link")).isEmpty();
      assertError(api.get("/v2/_catalog?n=x"), 400, ErrorCode.PAGINATION_NUMBER_INVALID);
    }
  }

  @Test
  void listsOnlyRepositoriesTheCallerMayPull() {
    AccessControl publicOnly = new AccessControl() {
      @Override
      public Future<Principal> authenticate(HttpServerRequest request) {
        return Future.succeededFuture(Principal.ANONYMOUS);
      }

      @Override
      public boolean allowed(Principal principal, RepositoryName repository, Action action) {
        return action != Action.PULL || repository.value().startsWith("public/");
      }
    };
    try (ApiTestServer server = ApiTestServer.start(driver, ApiOptions.defaults(), publicOnly)) {
      ApiCalls api = new ApiCalls(server);
      push(api, "public/one");
      push(api, "private/two");
      push(api, "public/three");
      assertThat(names(api.get("/v2/_catalog"))).containsExactly("public/one", "public/three");
      HttpResponse<byte[]> page = api.get("/v2/_catalog?n=1");
      assertThat(names(page)).containsExactly("public/one");
      assertThat(page.headers().firstValue("Link")).isPresent();
    }
  }
}
