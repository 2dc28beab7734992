package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.ConfigRenderer;
import dev.berth.registry.config.LoadedConfig;
import dev.berth.registry.config.RegistryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config.yml baked into the image is the same configuration {@code serve} uses without a file. */
class ImageConfigTest {
  private static final Path DOCKER = Path.of("src/main/docker");

  @Test
  void theImageConfigFileIsTheBuiltInDefault() {
    LoadedConfig loaded = ConfigLoader.load(DOCKER.resolve("config.yml"), Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(ConfigRenderer.render(loaded.config()))
        .isEqualTo(ConfigRenderer.render(RegistryConfig.imageDefaults()));
  }

  /** A class archive trained on another jar or config than the one started would be ignored, or half used. */
  @Test
  void theClassArchiveIsTrainedOnWhatTheImageRunsAndThenUsed() throws IOException {
    List<String> instructions = instructions();
    String training = instructions.stream().filter(line -> line.startsWith("RUN bash /opt/berth/cds-training.sh")).findFirst()
        .orElseThrow();
    String runtimeOptions = instructions.stream().filter(line -> line.startsWith("ENV JAVA_TOOL_OPTIONS="))
        .reduce((first, last) -> last).orElseThrow();

    assertThat(training).isEqualTo("RUN bash /opt/berth/cds-training.sh /opt/berth/berth-registry.jsa "
        + "/opt/berth/berth-registry.jar /etc/docker/registry/config.yml");
    assertThat(runtimeOptions).contains("-XX:SharedArchiveFile=/opt/berth/berth-registry.jsa");
    assertThat(instructions.indexOf(runtimeOptions)).isGreaterThan(instructions.indexOf(training));
    assertThat(instructions).contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/berth/berth-registry.jar\"]",
        "CMD [\"serve\", \"/etc/docker/registry/config.yml\"]");
  }

  /** The Dockerfile's instructions, continuation lines joined and comments left out. */
  private static List<String> instructions() throws IOException {
    String text = Files.readString(DOCKER.resolve("Dockerfile"));
    return text.replaceAll("\\\\\\n\\s*", "").lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }
}
