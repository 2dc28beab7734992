package dev.berth.registry.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code skopeo} against registries on plain-http loopback ports: skopeo only falls back from https to
 * http when TLS verification is off, hence the flags on every call.
 */
public final class Skopeo {
  private Skopeo() {
  }

  /** {@code skopeo copy [extra...] SRC DEST}; returns skopeo's output. */
  public static String copy(String source, String destination, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy",
        "--src-tls-verify=false", "--dest-tls-verify=false"));
    command.addAll(List.of(extra));
    command.add(source);
    command.add(destination);
    return CommandRunner.run(command);
  }

  public static String docker(RegistryProcess registry, String repositoryAndTag) {
    return "docker://" + registry.hostPort() + "/" + repositoryAndTag;
  }
}
