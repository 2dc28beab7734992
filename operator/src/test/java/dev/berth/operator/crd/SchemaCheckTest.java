package dev.berth.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check used on the examples does catch what the API server would refuse. */
class SchemaCheckTest {

  @Test
  void unknownFieldsWrongTypesAndBadEnumsAreFound() throws IOException {
    Map<String, Object> registry = Map.of("apiVersion", "berth.dev/v1alpha1", "kind", "Registry",
        "metadata", Map.of("name", "x"),
        "spec", Map.of("replicas", "two", "storage", Map.of("pvc", Map.of("sise", "1Gi")),
            "tls", Map.of("mode", "Sometimes"), "config", Map.of("anything", List.of(1, "goes"))));

    List<String> problems = SchemaCheck.problems(registry, crd());

    assertThat(problems).anyMatch(p -> p.startsWith("spec.replicas"))
        .anyMatch(p -> p.startsWith("spec.storage.pvc.sise: unknown field"))
        .anyMatch(p -> p.startsWith("spec.tls.mode"))
        .noneMatch(p -> p.startsWith("spec.config"))
        .hasSize(3);
  }

  @Test
  void requiredS3FieldsAreChecked() throws IOException {
    Map<String, Object> registry = Map.of("apiVersion", "berth.dev/v1alpha1", "kind", "Registry",
        "metadata", Map.of("name", "x"), "spec", Map.of("storage", Map.of("s3", Map.of("bucket", "b"))));

    assertThat(SchemaCheck.problems(registry, crd())).containsExactly("spec.storage.s3.region: required");
  }

  private static CustomResourceDefinition crd() throws IOException {
    Path file = Path.of(System.getProperty("berth.checked.in.crds")).resolve(CrdIsUpToDateTest.FILE);
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }
}
