package dev.berth.registry.api;

import static dev.berth.registry.api.ManifestFixtures.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
  private static final Digest A = Digest.sha256Of("a".getBytes(StandardCharsets.UTF_8));
  private static final Digest B = Digest.sha256Of("b".getBytes(StandardCharsets.UTF_8));

  private static ParsedManifest parse(String json, String contentType) {
    return ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), contentType);
  }

  private static void assertInvalid(String json, String contentType, String messagePart) {
    assertThatThrownBy(() -> parse(json, contentType))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
          assertThat(e.status()).isEqualTo(400);
        })
        .hasMessageContaining(messagePart);
  }

  @Test
  void dockerSchema2ManifestIsParsedWithConfigAndLayers() {
    ParsedManifest manifest = parse(ManifestFixtures.dockerManifest(A, B), ManifestMediaTypes.DOCKER_MANIFEST);
    assertThat(manifest.mediaType()).isEqualTo(ManifestMediaTypes.DOCKER_MANIFEST);
    assertThat(manifest.config().digest()).isEqualTo(A);
    assertThat(manifest.layers()).extracting(ManifestDescriptor::digest).containsExactly(B);
    assertThat(manifest.isIndex()).isFalse();
  }

  @Test
  void ociIndexAndDockerListAreIndexes() {
    ParsedManifest oci = parse(ManifestFixtures.index(ManifestMediaTypes.OCI_INDEX, A, B),
        ManifestMediaTypes.OCI_INDEX);
    ParsedManifest docker = parse(ManifestFixtures.index(ManifestMediaTypes.DOCKER_MANIFEST_LIST, A),
        ManifestMediaTypes.DOCKER_MANIFEST_LIST);
    assertThat(oci.isIndex()).isTrue();
    assertThat(oci.manifests()).extracting(ManifestDescriptor::digest).containsExactly(A, B);
    assertThat(docker.mediaType()).isEqualTo(ManifestMediaTypes.DOCKER_MANIFEST_LIST);
  }

  @Test
  void artifactKeepsArtifactTypeSubjectAndAnnotations() {
    ParsedManifest manifest = parse(ManifestFixtures.artifact("application/vnd.example.sbom", A, B, A, "x"),
        ManifestMediaTypes.OCI_MANIFEST);
    assertThat(manifest.artifactType()).isEqualTo("application/vnd.example.sbom");
    assertThat(manifest.subject().digest()).isEqualTo(A);
    assertThat(manifest.config().mediaType()).isEqualTo(ManifestMediaTypes.OCI_EMPTY);
    assertThat(manifest.annotations()).containsEntry("org.example.note", "x");
  }

  @Test
  void bodyWithoutMediaTypeTakesTheOciContentType() {
    String body = "{\"schemaVersion\":2,\"config\":" + descriptor("application/vnd.oci.image.config.v1+json", A, 1)
        + ",\"layers\":[]}";
    assertThat(parse(body, ManifestMediaTypes.OCI_MANIFEST + "; charset=utf-8").mediaType())
        .isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
    String index = "{\"schemaVersion\":2,\"manifests\":[]}";
    assertThat(parse(index, ManifestMediaTypes.OCI_INDEX).mediaType()).isEqualTo(ManifestMediaTypes.OCI_INDEX);
  }

  @Test
  void bodyWithoutMediaTypeNeedsAnOciContentType() {
    String body = "{\"schemaVersion\":2,\"config\":" + descriptor("application/x", A, 1) + "}";
    assertInvalid(body, ManifestMediaTypes.DOCKER_MANIFEST, "not a manifest type");
    assertInvalid(body, null, "no mediaType");
    assertInvalid(body, "application/json", "not a manifest type");
  }

  @Test
  void genericContentTypeIsClassifiedByTheBodysMediaType() {
    assertThat(parse(ManifestFixtures.ociManifest(A), "application/json").mediaType())
        .isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
    assertThat(parse(ManifestFixtures.ociManifest(A), null).mediaType()).isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
  }

  @Test
  void contentTypeThatContradictsTheBodyIsRefused() {
    assertInvalid(ManifestFixtures.ociManifest(A), ManifestMediaTypes.DOCKER_MANIFEST, "does not match");
  }

  @Test
  void schema1IsRefused() {
    assertInvalid("{\"schemaVersion\":1,\"name\":\"x\",\"tag\":\"y\",\"fsLayers\":[]}",
        "application/vnd.docker.distribution.manifest.v1+prettyjws", "schema 1");
    assertInvalid(ManifestFixtures.dockerManifest(A), "application/vnd.docker.distribution.manifest.v1+json",
        "schema 1");
  }

  @Test
  void schemaVersionMustBeTwo() {
    assertInvalid(ManifestFixtures.ociManifest(A).replace("\"schemaVersion\":2", "\"schemaVersion\":3"),
        ManifestMediaTypes.OCI_MANIFEST, "schemaVersion");
    assertInvalid(ManifestFixtures.ociManifest(A).replace("\"schemaVersion\":2", "\"schemaVersion\":\"2\""),
        ManifestMediaTypes.OCI_MANIFEST, "schemaVersion");
    assertInvalid(ManifestFixtures.ociManifest(A).replace("\"schemaVersion\":2,", ""),
        ManifestMediaTypes.OCI_MANIFEST, "schemaVersion");
  }

  @Test
  void unknownManifestMediaTypeIsRefused() {
    assertInvalid(ManifestFixtures.ociManifest(A).replace(ManifestMediaTypes.OCI_MANIFEST, "application/x-thing"),
        "application/x-thing", "unsupported manifest mediaType");
  }

  @Test
  void invalidJsonIsRefused() {
    assertInvalid("{\"schemaVersion\":2,", ManifestMediaTypes.OCI_MANIFEST, "not valid JSON");
    assertInvalid("[1,2]", ManifestMediaTypes.OCI_MANIFEST, "JSON object");
    assertInvalid("", ManifestMediaTypes.OCI_MANIFEST, "JSON object");
    assertInvalid("{\"schemaVersion\":2,\"schemaVersion\":2}", ManifestMediaTypes.OCI_MANIFEST, "not valid JSON");
  }

  @Test
  void malformedDescriptorsAreRefusedNamingTheMember() {
    String good = ManifestFixtures.ociManifest(A, B);
    assertInvalid(good.replace(B.toString(), "sha256:nothex"), ManifestMediaTypes.OCI_MANIFEST, "layers[0].digest");
    assertInvalid(good.replace("\"size\":20", "\"size\":-1"), ManifestMediaTypes.OCI_MANIFEST, "layers[0].size");
    assertInvalid(good.replace("\"size\":20", "\"size\":1.5"), ManifestMediaTypes.OCI_MANIFEST, "layers[0].size");
    assertInvalid(good.replace("\"mediaType\":\"" + ManifestFixtures.OCI_LAYER + "\",", ""),
        ManifestMediaTypes.OCI_MANIFEST, "layers[0].mediaType");
    assertInvalid(good.replace(ManifestFixtures.OCI_CONFIG, "not a type"), ManifestMediaTypes.OCI_MANIFEST,
        "config.mediaType");
    assertInvalid(good.replace("\"layers\":[", "\"layers\":[7,"), ManifestMediaTypes.OCI_MANIFEST, "layers[0]");
    assertInvalid(good.replace("\"layers\":[", "\"layers\":{\"x\":[").replace("]}", "]}}"),
        ManifestMediaTypes.OCI_MANIFEST, "layers");
  }

  @Test
  void imageManifestNeedsConfigAndIndexNeedsManifests() {
    assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"layers\":[]}",
        ManifestMediaTypes.OCI_MANIFEST, "config");
    assertInvalid("{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_INDEX + "\"}",
        ManifestMediaTypes.OCI_INDEX, "manifests");
    assertInvalid("{\"schemaVersion\":2,\"config\":" + descriptor("application/x", A, 1) + ",\"manifests\":[]}",
        ManifestMediaTypes.OCI_MANIFEST, "index");
  }

  @Test
  void annotationsMustBeStrings() {
    String body = ManifestFixtures.ociManifest(A).replace("\"layers\"", "\"annotations\":{\"a\":1},\"layers\"");
    assertInvalid(body, ManifestMediaTypes.OCI_MANIFEST, "annotations.a");
  }

  @Test
  void missingLayersIsAnEmptyListAsOnRegistry2() {
    String body = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(ManifestFixtures.OCI_CONFIG, A, 3) + "}";
    assertThat(parse(body, ManifestMediaTypes.OCI_MANIFEST).layers()).isEmpty();
  }

  @Test
  void summaryDerivesTheTypeOfStoredManifestsLikeRegistry2() {
    assertThat(ManifestSummary.of("{\"schemaVersion\":2,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8))
        .mediaType()).isEqualTo(ManifestMediaTypes.OCI_INDEX);
    assertThat(ManifestSummary.of("{\"schemaVersion\":2,\"config\":{}}".getBytes(StandardCharsets.UTF_8))
        .mediaType()).isEqualTo(ManifestMediaTypes.OCI_MANIFEST);
    assertThat(ManifestSummary.of("not json".getBytes(StandardCharsets.UTF_8)).mediaType())
        .isEqualTo(ManifestSummary.UNREADABLE_TYPE);
    ManifestSummary artifact = ManifestSummary.of(ManifestFixtures.artifact("application/vnd.example", A, B, B, "n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(artifact.subject()).isEqualTo(B);
    assertThat(artifact.referrerArtifactType()).isEqualTo("application/vnd.example");
    ManifestSummary image = ManifestSummary.of(ManifestFixtures.ociManifest(A).getBytes(StandardCharsets.UTF_8));
    assertThat(image.referrerArtifactType()).isEqualTo(ManifestFixtures.OCI_CONFIG);
  }
}
