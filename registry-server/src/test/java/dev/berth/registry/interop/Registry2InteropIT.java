package dev.berth.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.testsupport.DirectoryContents;
import dev.berth.registry.testsupport.OciLayoutWriter;
import dev.berth.registry.testsupport.RegistryHttp;
import dev.berth.registry.testsupport.RegistryProcess;
import dev.berth.registry.testsupport.RegistryUnderTest;
import dev.berth.registry.testsupport.Skopeo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Berth and Debian's docker-registry (distribution 2.8.2) serve the SAME storage root at the same time, on two
 * ports: whatever one writes, the other serves. This is the migration promise: swap the image, keep the volume.
 */
class Registry2InteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path temp;

  private static RegistryProcess berth;
  private static RegistryProcess registry2;
  private static Path singleLayout;
  private static Path multiLayout;

  @BeforeAll
  static void startBothOnOneRoot() throws Exception {
    Path sharedRoot = temp.resolve("shared-storage");
    berth = RegistryProcess.start(RegistryUnderTest.launcher(), sharedRoot, temp.resolve("berth"));
    registry2 = RegistryProcess.start(RegistryProcess.registry2(), sharedRoot, temp.resolve("registry2"));
    singleLayout = temp.resolve("single-layout");
    OciLayoutWriter single = new OciLayoutWriter(singleLayout);
    single.addImage("a", 11, 2, 200_000);
    single.addImage("b", 12, 2, 200_000);
    multiLayout = temp.resolve("multi-layout");
    new OciLayoutWriter(multiLayout).addMultiPlatformImage("multi", 13, 2, 100_000);
  }

  @AfterAll
  static void stopBoth() throws InterruptedException {
    if (berth != null) {
      berth.close();
    }
    if (registry2 != null) {
      registry2.close();
    }
  }

  @Test
  void dockerImagePushedThroughBerthIsPulledThroughRegistry2() throws Exception {
    Path source = temp.resolve("berth-to-r2-source");
    Skopeo.copy("oci:" + singleLayout + ":a", "dir:" + source, "--format", "v2s2");
    Skopeo.copy("dir:" + source, Skopeo.docker(berth, "from-berth/app:1.0"));

    Path pulled = temp.resolve("berth-to-r2-pulled");
    Skopeo.copy(Skopeo.docker(registry2, "from-berth/app:1.0"), "dir:" + pulled);

    assertThat(DirectoryContents.digests(pulled)).isEqualTo(DirectoryContents.digests(source));
    assertThat(tags(registry2, "from-berth/app")).containsExactly("1.0");
    assertThat(catalog(registry2)).contains("from-berth/app");
  }

  @Test
  void ociImagePushedThroughRegistry2IsPulledThroughBerth() throws Exception {
    Path source = temp.resolve("r2-to-berth-source");
    Skopeo.copy("oci:" + singleLayout + ":b", "dir:" + source, "--format", "oci");
    Skopeo.copy("dir:" + source, Skopeo.docker(registry2, "from-r2/app:2.0"));

    Path pulled = temp.resolve("r2-to-berth-pulled");
    Skopeo.copy(Skopeo.docker(berth, "from-r2/app:2.0"), "dir:" + pulled);

    assertThat(DirectoryContents.digests(pulled)).isEqualTo(DirectoryContents.digests(source));
    assertThat(tags(berth, "from-r2/app")).containsExactly("2.0");
    assertThat(catalog(berth)).contains("from-r2/app");
  }

  @Test
  void multiPlatformIndexCrossesInBothDirections() throws Exception {
    Skopeo.copy("oci:" + multiLayout + ":multi", Skopeo.docker(registry2, "multi/via-r2:1"), "--all");
    Skopeo.copy("oci:" + multiLayout + ":multi", Skopeo.docker(berth, "multi/via-berth:1"), "--all");

    Path fromBerth = temp.resolve("multi-from-berth");
    Skopeo.copy(Skopeo.docker(berth, "multi/via-r2:1"), "oci:" + fromBerth + ":multi", "--all");
    Path fromRegistry2 = temp.resolve("multi-from-r2");
    Skopeo.copy(Skopeo.docker(registry2, "multi/via-berth:1"), "oci:" + fromRegistry2 + ":multi", "--all");

    var expected = DirectoryContents.digests(multiLayout.resolve("blobs"));
    assertThat(DirectoryContents.digests(fromBerth.resolve("blobs"))).isEqualTo(expected);
    assertThat(DirectoryContents.digests(fromRegistry2.resolve("blobs"))).isEqualTo(expected);
  }

  @Test
  void manifestDeletedThroughRegistry2IsGoneInBerth() throws Exception {
    Skopeo.copy("oci:" + singleLayout + ":a", Skopeo.docker(berth, "deleted/app:gone"));
    HttpResponse<byte[]> before = new RegistryHttp(berth.baseUri())
        .get("/v2/deleted/app/manifests/gone", "Accept", OciLayoutWriter.OCI_MANIFEST);
    assertThat(before.statusCode()).isEqualTo(200);
    String digest = before.headers().firstValue("Docker-Content-Digest").orElseThrow();

    HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        registry2.baseUri().resolve("/v2/deleted/app/manifests/" + digest)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(202);

    assertThat(new RegistryHttp(berth.baseUri()).get("/v2/deleted/app/manifests/" + digest,
        "Accept", OciLayoutWriter.OCI_MANIFEST).statusCode()).isEqualTo(404);
  }

  private static List<String> tags(RegistryProcess registry, String repository) throws Exception {
    return strings(get(registry.baseUri(), "/v2/" + repository + "/tags/list").path("tags"));
  }

  private static List<String> catalog(RegistryProcess registry) throws Exception {
    return strings(get(registry.baseUri(), "/v2/_catalog").path("repositories"));
  }

  private static JsonNode get(URI base, String path) throws Exception {
    HttpResponse<byte[]> response = new RegistryHttp(base).get(path);
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
