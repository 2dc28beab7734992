package dev.berth.registry.api;

import static dev.berth.registry.api.ApiCalls.assertError;
import static dev.berth.registry.api.ApiCalls.json;
import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.storage.InMemoryDriver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagsApiIT {
  private static final String REPO = "library/alpine";
  private static final String TAGS = "/v2/" + REPO + "/tags/list";
  private final InMemoryDriver driver = new InMemoryDriver();
  private ApiTestServer server;
  private ApiCalls api;
  private String manifest;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(driver, ApiOptions.defaults().withDeleteEnabled(true));
    api = new ApiCalls(server);
    manifest = ManifestFixtures.ociManifest(seedBlob(driver, REPO, "c"), seedBlob(driver, REPO, "l"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void tag(String... tags) {
    for (String tag : tags) {
      assertThat(api.put("/v2/" + REPO + "/manifests/" + tag, ManifestMediaTypes.OCI_MANIFEST, manifest)
          .statusCode()).isEqualTo(201);
    }
  }

  private static List<String> tags(HttpResponse<byte[]> response) {
    List<String> result = new ArrayList<>();
    json(response).path("tags").forEach(node -> result.add(node.asText()));
    return result;
  }

  @Test
  void listsTagsInLexicalOrder() {
    tag("v2", "latest", "V1", "a_b", "1.0");
    HttpResponse<byte[]> response = api.get(TAGS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = json(response);
    assertThat(body.path("name").asText()).isEqualTo(REPO);
    assertThat(tags(response)).containsExactly("1.0", "a_b", "latest", "V1", "v2");
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void paginatesWithNAndLastFollowingTheLinkHeader() {
    tag("a", "b", "c", "d", "e");
    List<String> seen = new ArrayList<>();
    String next = TAGS + "?n=2";
    int pages = 0;
    while (next != null) {
      HttpResponse<byte[]> response = api.get(next);
      assertThat(response.statusCode()).isEqualTo(200);
      List<String> page = tags(response);
      assertThat(page.size()).isLessThanOrEqualTo(2);
      seen.addAll(page);
      pages++;
      next = response.headers().firstValue("Link")
          .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>')))
          .orElse(null);
      if (next != null) {
        assertThat(response.headers().firstValue("Link").orElseThrow()).endsWith("; rel=\"next\"");
      }
    }
    assertThat(seen).containsExactly("a", "b", "c", "d", "e");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void firstLinkNamesTheNextPage() {
    tag("a", "b", "c");
    HttpResponse<byte[]> response = api.get(TAGS + "?n=1");
    assertThat(response.headers().firstValue("Link")).contains("<" + TAGS + "?n=1&last=a>; rel=\"next\"");
  }

  @Test
  void lastAloneStartsAfterIt() {
    tag("a", "b", "c");
    assertThat(tags(api.get(TAGS + "?last=a"))).containsExactly("b", "c");
    assertThat(tags(api.get(TAGS + "?last=bb"))).containsExactly("c");
    assertThat(tags(api.get(TAGS + "?last=c"))).isEmpty();
  }

  @Test
  void nAsLargeAsTheRestHasNoLink() {
    tag("a", "b");
    HttpResponse<byte[]> response = api.get(TAGS + "?n=2");
    assertThat(tags(response)).containsExactly("a", "b");
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void nZeroReturnsAnEmptyListWithoutLink() {
    tag("a");
    HttpResponse<byte[]> response = api.get(TAGS + "?n=0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tags(response)).isEmpty();
    assertThat(json(response).has("tags")).isTrue();
    assertThat(response.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void invalidNIsRefused() {
    tag("a");
    assertError(api.get(TAGS + "?n=-1"), 400, ErrorCode.PAGINATION_NUMBER_INVALID);
    assertError(api.get(TAGS + "?n=many"), 400, ErrorCode.PAGINATION_NUMBER_INVALID);
  }

  @Test
  void unknownRepositoryIsNameUnknown() {
    assertError(api.get("/v2/no/such/tags/list"), 404, ErrorCode.NAME_UNKNOWN);
    assertError(api.get("/v2/Bad/tags/list"), 400, ErrorCode.NAME_INVALID);
  }

  @Test
  void repositoryWhoseTagsWereAllDeletedListsNone() {
    tag("only");
    assertThat(api.delete("/v2/" + REPO + "/manifests/only").statusCode()).isEqualTo(202);
    HttpResponse<byte[]> response = api.get(TAGS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(tags(response)).isEmpty();
  }

  @Test
  void untaggedPushCreatesTheRepositoryWithoutTags() {
    String digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8)).toString();
    api.put("/v2/" + REPO + "/manifests/" + digest, ManifestMediaTypes.OCI_MANIFEST, manifest);
    assertThat(tags(api.get(TAGS))).isEmpty();
  }
}
