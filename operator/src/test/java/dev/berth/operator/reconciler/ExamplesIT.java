package dev.berth.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.SchemaCheck;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.SpecValidator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The examples are valid against the checked-in CRD and the operator builds a registry for each. */
@EnableKubernetesMockClient(crud = true)
class ExamplesIT {
  static KubernetesClient client;
  private OperatorHarness harness;

  @BeforeEach
  void startOperator() {
    harness = new OperatorHarness(client).start();
  }

  @AfterEach
  void stopOperator() {
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"registry.yaml", "registry-full.yaml"})
  void exampleIsValidAndTheOperatorBuildsIt(String file) throws IOException {
    Path example = Path.of(System.getProperty("berth.examples")).resolve(file);
    Map<String, Object> raw = yaml(example);

    assertThat(SchemaCheck.problems(raw, crd())).isEmpty();
    Registry registry = client.getKubernetesSerialization().convertValue(raw, Registry.class);
    assertThat(SpecValidator.validate(registry)).isEmpty();
    if (registry.getMetadata().getNamespace() == null) {
      registry.getMetadata().setNamespace(Registries.NAMESPACE);
    }
    Registry applied = client.resource(registry).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> client.apps().deployments()
        .inNamespace(applied.getMetadata().getNamespace()).withName(RegistryNames.deployment(applied)).get() != null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, Map.class);
    }
  }

  private static CustomResourceDefinition crd() throws IOException {
    Path file = Path.of(System.getProperty("berth.checked.in.crds")).resolve("registries.berth.dev-v1.yml");
    try (InputStream in = Files.newInputStream(file)) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    }
  }
}
