package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line, for every path that does not start a server (MainIT runs the jar for those). */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpPrintsUsage() {
    assertThat(run("help")).isZero();
    assertThat(out()).contains("serve [CONFIG]");
  }

  @Test
  void noArgumentsPrintsUsageAndFails() {
    assertThat(run()).isEqualTo(1);
    assertThat(err()).contains("Usage:");
  }

  @Test
  void versionPrintsOneLine() {
    assertThat(run("version")).isZero();
    assertThat(out()).startsWith("berth-registry ").hasLineCount(1);
  }

  @Test
  void unknownCommandsAreOneLine() {
    assertThat(run("push")).isEqualTo(1);
    assertThat(err()).isEqualTo("error: unknown command \"push\" (run: java -jar berth-registry.jar help)\n");
  }

  @Test
  void serveTakesOneConfigAtMost() {
    assertThat(run("serve", "a.yml", "b.yml")).isEqualTo(1);
    assertThat(err()).hasLineCount(1);
  }

  @Test
  void badEnvironmentValueIsOneLineAndExitOne() {
    int exit = Main.run(new String[] {"serve"}, Map.of("REGISTRY_HTTP_ADDR", "nowhere"), print(out), print(err));

    assertThat(exit).isEqualTo(1);
    assertThat(err()).startsWith("error: invalid value for http.addr: \"nowhere\"").hasLineCount(1);
  }

  @Test
  void garbageCollectIsNotSupportedYet() {
    assertThat(run("garbage-collect", "config.yml")).isEqualTo(1);
    assertThat(err()).contains("not supported yet");
  }

  private int run(String... args) {
    return Main.run(args, Map.of(), print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream stream) {
    return new PrintStream(stream, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
