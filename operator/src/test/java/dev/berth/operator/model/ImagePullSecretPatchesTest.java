package dev.berth.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import org.junit.jupiter.api.Test;

class ImagePullSecretPatchesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void addAppendsOneEntryGuardedByTheResourceVersion() throws Exception {
    ServiceAccount account = account("7", "other-pull");

    JsonNode patch = json.readTree(ImagePullSecretPatches.add(account, "demo-pull"));

    assertThat(patch.toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"7\"},"
        + "{\"op\":\"add\",\"path\":\"/imagePullSecrets/-\",\"value\":{\"name\":\"demo-pull\"}}]");
  }

  @Test
  void addCreatesTheListWhenTheAccountHasNoneOrAnEmptyOne() throws Exception {
    ServiceAccount missing = account("3");
    missing.setImagePullSecrets(null);
    String expected = "{\"op\":\"add\",\"path\":\"/imagePullSecrets\",\"value\":[{\"name\":\"demo-pull\"}]}";

    assertThat(json.readTree(ImagePullSecretPatches.add(missing, "demo-pull")).get(1).toString()).isEqualTo(expected);
    assertThat(json.readTree(ImagePullSecretPatches.add(account("3"), "demo-pull")).get(1).toString())
        .isEqualTo(expected);
  }

  @Test
  void removeTakesOutOnlyTheEntryAtItsIndexGuardedByTheResourceVersion() throws Exception {
    ServiceAccount account = account("9", "other-pull", "demo-pull");

    JsonNode patch = json.readTree(ImagePullSecretPatches.remove(account, 1));

    assertThat(patch.toString()).isEqualTo("[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"9\"},"
        + "{\"op\":\"remove\",\"path\":\"/imagePullSecrets/1\"}]");
  }

  @Test
  void indexOfFindsTheEntryByName() {
    assertThat(ImagePullSecretPatches.indexOf(account("1", "a", "b"), "b")).hasValue(1);
    assertThat(ImagePullSecretPatches.indexOf(account("1", "a"), "b")).isEmpty();
    ServiceAccount none = account("1");
    none.setImagePullSecrets(null);
    assertThat(ImagePullSecretPatches.indexOf(none, "b")).isEmpty();
  }

  private static ServiceAccount account(String resourceVersion, String... entries) {
    ServiceAccountBuilder builder = new ServiceAccountBuilder().withNewMetadata().withName("default")
        .withNamespace("ci").withResourceVersion(resourceVersion).endMetadata();
    for (String entry : entries) {
      builder.addNewImagePullSecret(entry);
    }
    return builder.build();
  }
}
