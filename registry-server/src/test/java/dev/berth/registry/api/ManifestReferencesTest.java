package dev.berth.registry.api;

import static dev.berth.registry.api.ManifestFixtures.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestReferencesTest {
  private static final Digest CONFIG = digest("config");
  private static final Digest LAYER = digest("layer");
  private static final Digest CHILD = digest("child");

  private final Set<Digest> blobs = new HashSet<>();
  private final Set<Digest> manifests = new HashSet<>();
  private final ContentLookup lookup = new ContentLookup() {
    @Override
    public boolean blobExists(Digest digest) {
      return blobs.contains(digest);
    }

    @Override
    public boolean manifestExists(Digest digest) {
      return manifests.contains(digest);
    }
  };

  private static Digest digest(String content) {
    return Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8));
  }

  private void verify(String json, String type) throws Exception {
    ManifestReferences.verify(ManifestParser.parse(json.getBytes(StandardCharsets.UTF_8), type), lookup);
  }

  private void assertBlobUnknown(String json, String type, Digest missing) {
    assertThatThrownBy(() -> verify(json, type)).isInstanceOfSatisfying(RegistryException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_BLOB_UNKNOWN);
      assertThat(e.detail()).isEqualTo(missing.toString());
    });
  }

  @Test
  void imageWithAllBlobsPresentPasses() {
    blobs.addAll(Set.of(CONFIG, LAYER));
    assertThatCode(() -> verify(ManifestFixtures.ociManifest(CONFIG, LAYER), ManifestMediaTypes.OCI_MANIFEST))
        .doesNotThrowAnyException();
  }

  @Test
  void missingConfigOrLayerIsManifestBlobUnknownNamingIt() {
    blobs.add(CONFIG);
    assertBlobUnknown(ManifestFixtures.dockerManifest(CONFIG, LAYER), ManifestMediaTypes.DOCKER_MANIFEST, LAYER);
    blobs.clear();
    blobs.add(LAYER);
    assertBlobUnknown(ManifestFixtures.ociManifest(CONFIG, LAYER), ManifestMediaTypes.OCI_MANIFEST, CONFIG);
  }

  @Test
  void indexChildrenMustBeManifestsOfTheRepository() {
    blobs.add(CHILD); // a blob is not a manifest revision
    assertBlobUnknown(ManifestFixtures.index(ManifestMediaTypes.OCI_INDEX, CHILD), ManifestMediaTypes.OCI_INDEX,
        CHILD);
    manifests.add(CHILD);
    assertThatCode(() -> verify(ManifestFixtures.index(ManifestMediaTypes.OCI_INDEX, CHILD),
        ManifestMediaTypes.OCI_INDEX)).doesNotThrowAnyException();
  }

  @Test
  void subjectNeedNotExist() {
    blobs.addAll(Set.of(CONFIG, LAYER));
    assertThatCode(() -> verify(ManifestFixtures.artifact("application/vnd.x", CONFIG, LAYER, CHILD, "a"),
        ManifestMediaTypes.OCI_MANIFEST)).doesNotThrowAnyException();
  }

  @Test
  void foreignLayerWithUrlsNeedNotExistButNeedsHttpUrls() throws Exception {
    blobs.add(CONFIG);
    String foreign = "{\"mediaType\":\"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip\",\"digest\":\""
        + LAYER + "\",\"size\":5,\"urls\":[\"%s\"]}";
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.DOCKER_MANIFEST
        + "\",\"config\":" + descriptor(ManifestFixtures.DOCKER_CONFIG, CONFIG, 3) + ",\"layers\":[" + foreign + "]}";
    verify(manifest.formatted("https://example.com/layer.tgz"), ManifestMediaTypes.DOCKER_MANIFEST);
    assertThatThrownBy(() -> verify(manifest.formatted("ftp://example.com/layer"), ManifestMediaTypes.DOCKER_MANIFEST))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID));
    assertThatThrownBy(() -> verify(manifest.formatted("https://example.com/x#frag"),
        ManifestMediaTypes.DOCKER_MANIFEST)).isInstanceOf(RegistryException.class);
  }

  @Test
  void foreignLayerWithoutUrlsMustExist() {
    blobs.add(CONFIG);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(ManifestFixtures.OCI_CONFIG, CONFIG, 3) + ",\"layers\":["
        + descriptor("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", LAYER, 5) + "]}";
    assertBlobUnknown(manifest, ManifestMediaTypes.OCI_MANIFEST, LAYER);
  }

  @Test
  void layerThatIsAManifestOfTheRepositoryCounts() throws Exception {
    blobs.add(CONFIG);
    manifests.add(LAYER);
    String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestMediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(ManifestFixtures.OCI_CONFIG, CONFIG, 3) + ",\"layers\":["
        + descriptor(ManifestMediaTypes.OCI_MANIFEST, LAYER, 5) + "]}";
    verify(manifest, ManifestMediaTypes.OCI_MANIFEST);
  }
}
