package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsRunTheFullPlanAgainstTheBuiltJarAndWriteBenchmarksMd() {
    BenchOptions options = BenchOptions.parse();
    assertThat(options.berthJar()).isEqualTo(Path.of("registry-server/target/berth-registry.jar"));
    assertThat(options.output()).isEqualTo(Path.of("BENCHMARKS.md"));
    assertThat(options.registryBinary()).isEqualTo("docker-registry");
    assertThat(options.berthJvmOptions()).isEqualTo(BenchOptions.DEFAULT_BERTH_JVM_OPTIONS);
    assertThat(options.plan().name()).isEqualTo("full");
  }

  @Test
  void everyOptionIsRead() {
    BenchOptions options = BenchOptions.parse("--smoke", "--berth-jar", "b.jar", "--berth-jvm-opts",
        " -Xmx64m  -XX:+UseSerialGC ", "--registry-binary", "/usr/bin/r", "--out", "o.md", "--work-dir", "/w",
        "--keep", "--only", "catalog");
    assertThat(options.plan().name()).isEqualTo("smoke");
    assertThat(options.berthJar()).isEqualTo(Path.of("b.jar"));
    assertThat(options.berthJvmOptions()).isEqualTo(List.of("-Xmx64m", "-XX:+UseSerialGC"));
    assertThat(options.registryBinary()).isEqualTo("/usr/bin/r");
    assertThat(options.output()).isEqualTo(Path.of("o.md"));
    assertThat(options.workDirectory()).isEqualTo(Path.of("/w"));
    assertThat(options.keep()).isTrue();
    assertThat(options.only()).isEqualTo("catalog");
  }

  @Test
  void unknownOptionsAndMissingValuesAreNamed() {
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown option '--fast'");
    assertThatThrownBy(() -> BenchOptions.parse("--out")).hasMessageContaining("--out needs a value");
  }
}
