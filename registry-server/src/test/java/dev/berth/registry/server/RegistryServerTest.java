package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.api.ApiOptions;
import dev.berth.registry.config.ConfigLoader;
import dev.berth.registry.config.RegistryConfig;
import io.vertx.core.http.HttpServerOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryServerTest {

  @Test
  void prefixMountPointDropsTrailingSlashes() {
    assertThat(RegistryServer.mountPoint(null)).isEmpty();
    assertThat(RegistryServer.mountPoint("/")).isEmpty();
    assertThat(RegistryServer.mountPoint("/registry/")).isEqualTo("/registry");
    assertThat(RegistryServer.mountPoint("/a/b")).isEqualTo("/a/b");
  }

  @Test
  void apiOptionsComeFromTheConfig() {
    RegistryConfig config = ConfigLoader.load("""
        version: 0.1
        storage:
          inmemory: {}
          delete:
            enabled: true
          redirect:
            disable: true
          maintenance:
            readonly:
              enabled: true
        http:
          host: https://registry.example.com
          relativeurls: true
          secret: shared-between-replicas
        """, "test.yml", Map.of()).config();

    ApiOptions options = RegistryServer.apiOptions(config);

    assertThat(options).isEqualTo(new ApiOptions(true, true, true, "https://registry.example.com", true,
        "shared-between-replicas"));
  }

  @Test
  void aMissingSecretIsReplacedByARandomOne() {
    RegistryConfig config = RegistryConfig.imageDefaults();

    String first = RegistryServer.apiOptions(config).httpSecret();
    String second = RegistryServer.apiOptions(config).httpSecret();

    assertThat(first).hasSize(64).isNotEqualTo(second);
  }

  @Test
  void listenersOfferNoWebSocketCompression() {
    HttpServerOptions options = RegistryServer.serverOptions(RegistryConfig.imageDefaults());

    assertThat(options.getPerFrameWebSocketCompressionSupported()).isFalse();
    assertThat(options.getPerMessageWebSocketCompressionSupported()).isFalse();
  }
}
