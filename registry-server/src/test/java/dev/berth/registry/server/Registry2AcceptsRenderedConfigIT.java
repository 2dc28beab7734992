package dev.berth.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.config.ConfigRenderer;
import dev.berth.registry.config.LogConfig;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.StorageConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator renders is still a registry:2 config: Debian's docker-registry (distribution 2.8.2) starts
 * with it, Berth's {@code access} extension included.
 */
class Registry2AcceptsRenderedConfigIT {
  @TempDir
  Path dir;

  @Test
  void distributionStartsWithARenderedConfig() throws Exception {
    RegistryConfig config = RegistryConfig.imageDefaults();
    config.log.level = "debug";
    config.log.formatter = "json";
    config.log.accesslog = new LogConfig.AccessLog();
    config.log.accesslog.disabled = true;
    config.storage.filesystem.rootdirectory = dir.resolve("data").toString();
    config.storage.delete = new StorageConfig.Delete();
    config.storage.delete.enabled = true;
    config.storage.maintenance = new StorageConfig.Maintenance();
    config.storage.maintenance.readonly = new StorageConfig.ReadOnly();
    config.storage.maintenance.readonly.enabled = false;
    config.http.addr = "127.0.0.1:0";
    config.http.host = "https://registry.example.com";
    config.http.prefix = "/registry/";
    config.http.secret = "yes";
    config.http.relativeurls = true;
    config.http.draintimeout = "1h30m";
    config.access = new AccessConfig();
    config.access.groups = Map.of("ci", List.of("builder"));
    Path file = Files.writeString(dir.resolve("config.yml"), ConfigRenderer.render(config));

    Process process = new ProcessBuilder("docker-registry", "serve", file.toString()).redirectErrorStream(true)
        .start();
    List<String> output = collect(process);
    try {
      await().atMost(Duration.ofSeconds(60))
          .until(() -> joined(output).contains("listening on") || !process.isAlive());
      assertThat(joined(output)).as("docker-registry output").contains("listening on");
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  private static List<String> collect(Process process) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String joined(List<String> lines) {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }
}
