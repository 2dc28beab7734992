package dev.berth.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.testsupport.DirectoryContents;
import dev.berth.registry.testsupport.OciLayoutWriter;
import dev.berth.registry.testsupport.RegistryHttp;
import dev.berth.registry.testsupport.RegistryProcess;
import dev.berth.registry.testsupport.RegistryUnderTest;
import dev.berth.registry.testsupport.SeededBytes;
import dev.berth.registry.testsupport.Skopeo;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skopeo pushes images into the registry and pulls them back out; what comes out must be what went in, byte for
 * byte: the same manifest (so the same digest) and the same blobs. skopeo's {@code dir:} transport keeps
 * manifests and blobs exactly as they were transferred, which makes the comparison a file-by-file one.
 */
class SkopeoRoundTripIT {
  @TempDir
  static Path temp;

  private static RegistryProcess registry;
  private static Path sourceLayout;
  private static Path multiPlatformLayout;

  @BeforeAll
  static void startRegistryAndBuildImages() throws Exception {
    registry = RegistryProcess.start(RegistryUnderTest.launcher(), temp.resolve("storage"), temp.resolve("server"));
    sourceLayout = temp.resolve("source-layout");
    OciLayoutWriter layout = new OciLayoutWriter(sourceLayout);
    layout.addImage("single", 1, 3, 300_000);
    multiPlatformLayout = temp.resolve("multi-platform-layout");
    new OciLayoutWriter(multiPlatformLayout).addMultiPlatformImage("multi", 2, 2, 100_000);
  }

  @AfterAll
  static void stopRegistry() throws InterruptedException {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void dockerSchema2ImageRoundTripsByteForByte() throws Exception {
    Path source = temp.resolve("v2s2-source");
    Skopeo.copy("oci:" + sourceLayout + ":single", "dir:" + source, "--format", "v2s2");
    assertThat(Files.readString(source.resolve("manifest.json")))
        .contains("application/vnd.docker.distribution.manifest.v2+json");

    assertRoundTrip(source, "roundtrip/docker", "v1");
  }

  @Test
  void ociImageRoundTripsByteForByte() throws Exception {
    Path source = temp.resolve("oci-source");
    Skopeo.copy("oci:" + sourceLayout + ":single", "dir:" + source, "--format", "oci");
    assertThat(Files.readString(source.resolve("manifest.json"))).contains(OciLayoutWriter.OCI_MANIFEST);
    assertThat(Files.readString(source.resolve("manifest.json"))).doesNotContain("vnd.docker");

    assertRoundTrip(source, "roundtrip/oci", "v1");
  }

  @Test
  void ociImageIndexWithAllPlatformsRoundTripsByteForByte() throws Exception {
    Skopeo.copy("oci:" + multiPlatformLayout + ":multi", Skopeo.docker(registry, "roundtrip/multi:v1"), "--all");
    Path pulledLayout = temp.resolve("multi-pulled");
    Skopeo.copy(Skopeo.docker(registry, "roundtrip/multi:v1"), "oci:" + pulledLayout + ":multi", "--all");

    assertThat(DirectoryContents.digests(pulledLayout.resolve("blobs")))
        .isEqualTo(DirectoryContents.digests(multiPlatformLayout.resolve("blobs")));
  }

  @Test
  void imageCopiedBetweenRepositoriesOfTheRegistryStaysIdentical() throws Exception {
    Path source = temp.resolve("mount-source");
    Skopeo.copy("oci:" + sourceLayout + ":single", "dir:" + source, "--format", "oci");
    Skopeo.copy("dir:" + source, Skopeo.docker(registry, "mount/from:v1"));

    Skopeo.copy(Skopeo.docker(registry, "mount/from:v1"), Skopeo.docker(registry, "mount/to:v1"));

    Path pulled = temp.resolve("mount-pulled");
    Skopeo.copy(Skopeo.docker(registry, "mount/to:v1"), "dir:" + pulled);
    assertThat(DirectoryContents.digests(pulled)).isEqualTo(DirectoryContents.digests(source));
  }

  private void assertRoundTrip(Path source, String repository, String tag) throws Exception {
    // manifest.json, version, the config and three layers.
    assertThat(DirectoryContents.digests(source)).hasSize(6);
    Skopeo.copy("dir:" + source, Skopeo.docker(registry, repository + ":" + tag));
    Path pulled = temp.resolve(repository.replace('/', '-') + "-pulled");
    Skopeo.copy(Skopeo.docker(registry, repository + ":" + tag), "dir:" + pulled);

    assertThat(DirectoryContents.digests(pulled)).isEqualTo(DirectoryContents.digests(source));
    byte[] manifest = Files.readAllBytes(source.resolve("manifest.json"));
    assertServedDigest(repository, tag, manifest);
  }

  private void assertServedDigest(String repository, String tag, byte[] manifest)
      throws IOException, InterruptedException {
    String mediaType = new ObjectMapper().readTree(manifest).path("mediaType").asText();
    HttpResponse<byte[]> response = new RegistryHttp(registry.baseUri())
        .get("/v2/" + repository + "/manifests/" + tag, "Accept", mediaType);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(manifest);
    assertThat(response.headers().firstValue("Docker-Content-Digest")).hasValue(SeededBytes.digestOf(manifest));
  }
}
