package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.ConfigRenderer;
import dev.berth.registry.config.LoadedConfig;
import dev.berth.registry.config.RegistryConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config.yml baked into the image is the same configuration {@code serve} uses without a file. */
class ImageConfigTest {

  @Test
  void theImageConfigFileIsTheBuiltInDefault() {
    LoadedConfig loaded = ConfigLoader.load(Path.of("src/main/docker/config.yml"), Map.of());

    assertThat(loaded.warnings()).isEmpty();
    assertThat(ConfigRenderer.render(loaded.config()))
        .isEqualTo(ConfigRenderer.render(RegistryConfig.imageDefaults()));
  }
}
