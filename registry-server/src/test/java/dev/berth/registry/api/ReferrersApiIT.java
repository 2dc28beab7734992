package dev.berth.registry.api;

import static dev.berth.registry.api.ApiCalls.assertError;
import static dev.berth.registry.api.ApiCalls.json;
import static dev.berth.registry.api.ManifestFixtures.seedBlob;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.storage.InMemoryDriver;
import dev.berth.registry.storage.LayoutPaths;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferrersApiIT {
  private static final String REPO = "signed/app";
  private static final String SBOM = "application/vnd.example.sbom.v1";
  private static final String SIGNATURE = "application/vnd.example.signature.v1";
  private final InMemoryDriver driver = new InMemoryDriver();
  private ApiTestServer server;
  private ApiCalls api;
  private Digest empty;
  private Digest data;
  private Digest subject;

  @BeforeEach
  void start() {
    server = ApiTestServer.start(driver, ApiOptions.defaults().withDeleteEnabled(true));
    api = new ApiCalls(server);
    empty = seedBlob(driver, REPO, "{}");
    data = seedBlob(driver, REPO, "data");
    String image = ManifestFixtures.ociManifest(data, data);
    subject = push(image);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Digest push(String manifest) {
    Digest digest = Digest.sha256Of(manifest.getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> put = api.put("/v2/" + REPO + "/manifests/" + digest, ManifestMediaTypes.OCI_MANIFEST,
        manifest);
    assertThat(put.statusCode()).as(ApiCalls.text(put)).isEqualTo(201);
    return digest;
  }

  private String referrers(Digest of) {
    return "/v2/" + REPO + "/referrers/" + of;
  }

  @Test
  void listsReferrersAsAnImageIndexWithArtifactTypeAndAnnotations() {
    Digest sbom = push(ManifestFixtures.artifact(SBOM, empty, data, subject, "first"));
    Digest signature = push(ManifestFixtures.artifact(SIGNATURE, empty, data, subject, "second"));

    HttpResponse<byte[]> response = api.get(referrers(subject));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(ManifestMediaTypes.OCI_INDEX);
    assertThat(response.headers().firstValue("OCI-Filters-Applied")).isEmpty();
    JsonNode index = json(response);
    assertThat(index.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.path("mediaType").asText()).isEqualTo(ManifestMediaTypes.OCI_INDEX);
    assertThat(index.path("manifests")).hasSize(2);
    for (JsonNode descriptor : index.path("manifests")) {
      Digest digest = Digest.parse(descriptor.path("digest").asText());
      assertThat(digest).isIn(sbom, signature);
      assertThat(descriptor.path("mediaType").asText()).isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
      assertThat(descriptor.path("artifactType").asText()).isEqualTo(digest.equals(sbom) ? SBOM : SIGNATURE);
      assertThat(descriptor.path("annotations").path("org.example.note").asText())
          .isEqualTo(digest.equals(sbom) ? "first" : "second");
      byte[] stored = api.get("/v2/" + REPO + "/manifests/" + digest).body();
      assertThat(descriptor.path("size").asLong()).isEqualTo(stored.length);
    }
  }

  @Test
  void artifactTypeFilterIsAppliedAndAnnounced() {
    Digest sbom = push(ManifestFixtures.artifact(SBOM, empty, data, subject, "a"));
    push(ManifestFixtures.artifact(SIGNATURE, empty, data, subject, "b"));
    HttpResponse<byte[]> response = api.get(referrers(subject) + "?artifactType=" + SBOM);
    assertThat(response.headers().firstValue("OCI-Filters-Applied")).contains("artifactType");
    assertThat(json(response).path("manifests")).hasSize(1);
    assertThat(json(response).path("manifests").get(0).path("digest").asText()).isEqualTo(sbom.toString());
    assertThat(json(api.get(referrers(subject) + "?artifactType=application/none")).path("manifests")).isEmpty();
  }

  @Test
  void imageReferrerWithoutArtifactTypeReportsItsConfigMediaType() {
    String image = ManifestFixtures.ociManifest(data, data);
    String referrer = image.substring(0, image.length() - 1) + ",\"subject\":"
        + ManifestFixtures.descriptor(ManifestMediaTypes.OCI_MANIFEST, subject, 10) + "}";
    push(referrer);
    JsonNode descriptor = json(api.get(referrers(subject))).path("manifests").get(0);
    assertThat(descriptor.path("artifactType").asText()).isEqualTo(ManifestFixtures.OCI_CONFIG);
    assertThat(descriptor.has("annotations")).isFalse();
  }

  @Test
  void unknownSubjectOrRepositoryGetsAnEmptyIndex() {
    HttpResponse<byte[]> response = api.get(referrers(Digest.sha256Of(new byte[] {1})));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("manifests").isArray()).isTrue();
    assertThat(json(response).path("manifests")).isEmpty();
    HttpResponse<byte[]> otherRepo = api.get("/v2/not/here/referrers/" + subject);
    assertThat(otherRepo.statusCode()).isEqualTo(200);
    assertThat(json(otherRepo).path("manifests")).isEmpty();
  }

  @Test
  void invalidDigestIsDigestInvalid() {
    assertError(api.get("/v2/" + REPO + "/referrers/sha256:123"), 400, ErrorCode.DIGEST_INVALID);
    assertError(api.get("/v2/" + REPO + "/referrers/latest"), 400, ErrorCode.DIGEST_INVALID);
  }

  @Test
  void deletedReferrerIsNoLongerListed() {
    Digest sbom = push(ManifestFixtures.artifact(SBOM, empty, data, subject, "a"));
    assertThat(api.delete("/v2/" + REPO + "/manifests/" + sbom).statusCode()).isEqualTo(202);
    assertThat(json(api.get(referrers(subject))).path("manifests")).isEmpty();
  }

  @Test
  void referrersArePerRepository() {
    push(ManifestFixtures.artifact(SBOM, empty, data, subject, "a"));
    seedBlob(driver, "other/repo", "{}");
    assertThat(json(api.get("/v2/other/repo/referrers/" + subject)).path("manifests")).isEmpty();
  }

  @Test
  void referrersListedUnderTheReferrersTagSchemaAreIncluded() throws Exception {
    // As a client leaves a registry without the referrers API (registry:2): the artifact is stored without a
    // referrer link, and an index tagged sha256-<subject hex> lists it.
    String artifact = ManifestFixtures.artifact(SBOM, empty, data, subject, "from tag schema");
    byte[] bytes = artifact.getBytes(StandardCharsets.UTF_8);
    Digest digest = Digest.sha256Of(bytes);
    RepositoryName repository = new RepositoryName(REPO);
    driver.putContent(LayoutPaths.blobData(digest), bytes);
    driver.putContent(LayoutPaths.manifestRevisionLink(repository, digest),
        digest.toString().getBytes(StandardCharsets.UTF_8));
    Digest linked = push(ManifestFixtures.artifact(SIGNATURE, empty, data, subject, "linked"));
    String index = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_INDEX + "\",\"manifests\":["
        + ManifestFixtures.descriptor(ManifestMediaTypes.OCI_MANIFEST, digest, bytes.length) + ","
        + ManifestFixtures.descriptor(ManifestMediaTypes.OCI_MANIFEST, linked, 10) + "]}";
    assertThat(api.put("/v2/" + REPO + "/manifests/sha256-" + subject.hex(), ManifestMediaTypes.OCI_INDEX, index)
        .statusCode()).isEqualTo(201);

    JsonNode manifests = json(api.get(referrers(subject))).path("manifests");
    assertThat(manifests).hasSize(2);
    assertThat(manifests.findValuesAsText("digest")).containsExactlyInAnyOrder(digest.toString(), linked.toString());
  }
}
