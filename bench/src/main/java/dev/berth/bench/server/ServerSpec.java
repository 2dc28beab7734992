package dev.berth.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How to start one registry implementation given its config.yml; the started process is the server itself. */
public record ServerSpec(String name, String description, Function<Path, List<String>> command) {

  /**
   * Berth's registry jar run by this same JDK ({@code java.home}), so the sampled process is the JVM itself and
   * not a wrapper shell.
   */
  public static ServerSpec berth(Path jar, List<String> jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String shown = String.join(" ", jvmOptions);
    String description = "java " + (shown.isEmpty() ? "" : shown + " ") + "-jar " + jar.getFileName()
        + " serve config.yml";
    return new ServerSpec("Berth", description, config -> {
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString(), "serve", config.toString()));
      return command;
    });
  }

  /** Debian's docker-registry (distribution 2.8), the registry:2 image's binary. */
  public static ServerSpec distribution(String binary) {
    return new ServerSpec("registry:2", binary + " serve config.yml",
        config -> List.of(binary, "serve", config.toString()));
  }
}
