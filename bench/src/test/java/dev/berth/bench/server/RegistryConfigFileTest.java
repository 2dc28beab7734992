package dev.berth.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegistryConfigFileTest {

  @Test
  void configGivesBothServersStorageQuietLogsDeletesAndLoopback() {
    String yaml = RegistryConfigFile.render(Path.of("/tmp/x y"), 5123, "s3cret");
    assertThat(yaml).contains("rootdirectory: \"/tmp/x y\"", "addr: 127.0.0.1:5123", "level: error",
        "disabled: true", "secret: s3cret");
    assertThat(yaml).containsPattern("delete:\\n\\s+enabled: true");
  }
}
