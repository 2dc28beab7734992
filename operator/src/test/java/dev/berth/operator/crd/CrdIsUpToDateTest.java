package dev.berth.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CRD in crds/ must be the one the Java model generates (the build writes it to target/crds). */
class CrdIsUpToDateTest {
  static final String FILE = "registries.berth.dev-v1.yml";

  @Test
  void checkedInCrdMatchesTheGeneratedOne() throws IOException {
    Path generated = Path.of(System.getProperty("berth.generated.crds")).resolve(FILE);
    Path checkedIn = Path.of(System.getProperty("berth.checked.in.crds")).resolve(FILE);

    assertThat(checkedIn).as("checked-in CRD").exists();
    assertThat(Files.readString(checkedIn))
        .as("crds/%s is stale; regenerate it: cp operator/target/crds/%s crds/", FILE, FILE)
        .isEqualTo(Files.readString(generated));
  }
}
