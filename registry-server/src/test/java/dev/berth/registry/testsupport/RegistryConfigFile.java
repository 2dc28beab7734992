package dev.berth.registry.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A registry:2 {@code config.yml} (version 0.1) that both Debian's docker-registry and Berth read: filesystem
 * storage under a given root, deletes enabled, listening on one loopback port. The HTTP secret is fixed so that
 * upload locations (registry:2 signs its upload state with it) stay valid across a restart and across two
 * registries sharing the root.
 */
public final class RegistryConfigFile {
  private RegistryConfigFile() {
  }

  public static Path write(Path file, Path storageRoot, int port) throws IOException {
    String yaml = """
        version: 0.1
        log:
          level: info
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
          secret: berth-interop-tests-shared-secret
        """.formatted(storageRoot.toAbsolutePath(), port);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.writeString(file, yaml);
  }
}
