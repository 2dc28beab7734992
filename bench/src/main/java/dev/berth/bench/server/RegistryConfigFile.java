package dev.berth.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config.yml both servers get: filesystem storage in their own directory, deletes on, logs quiet (errors
 * only, no access log), loopback listener, and the in-memory blob descriptor cache the registry:2 image ships.
 */
public final class RegistryConfigFile {
  private RegistryConfigFile() {
  }

  public static String render(Path storageRoot, int port, String secret) {
    return """
        version: 0.1
        log:
          level: error
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
          cache:
            blobdescriptor: inmemory
        http:
          addr: 127.0.0.1:%d
          secret: %s
        """.formatted(quote(storageRoot.toString()), port, secret);
  }

  public static Path write(Path directory, Path storageRoot, int port, String secret) throws IOException {
    Path config = directory.resolve("config.yml");
    Files.writeString(config, render(storageRoot, port, secret));
    return config;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
