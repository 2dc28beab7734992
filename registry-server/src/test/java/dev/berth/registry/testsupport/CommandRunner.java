package dev.berth.registry.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool to completion and fails with its output when it fails. */
public final class CommandRunner {
  private static final long TIMEOUT_MINUTES = 10;

  private CommandRunner() {
  }

  /** Runs the command and returns its combined stdout and stderr; throws when the exit code is not 0. */
  public static String run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("berth-it-command", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new IOException("timed out after " + TIMEOUT_MINUTES + " min: " + String.join(" ", command)
            + "\n" + Files.readString(output, StandardCharsets.UTF_8));
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException("exit code " + process.exitValue() + ": " + String.join(" ", command) + "\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
