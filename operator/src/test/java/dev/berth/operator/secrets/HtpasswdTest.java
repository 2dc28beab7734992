package dev.berth.operator.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtpasswdTest {
  private final SecretGenerator generator = new RandomSecretGenerator();

  @Test
  void hashesInTheTwoYFormRegistryTwoReads() {
    String hash = Htpasswd.hash("s3cret", generator.salt());

    assertThat(hash).startsWith("$2y$10$").hasSize(60);
    assertThat(Htpasswd.verifies(hash, "s3cret")).isTrue();
    assertThat(Htpasswd.verifies(hash, "wrong")).isFalse();
  }

  @Test
  void verifiesHashesWrittenAsTwoAAndTwoB() {
    String y = Htpasswd.hash("pw", generator.salt());

    assertThat(Htpasswd.verifies("$2a" + y.substring(3), "pw")).isTrue();
    assertThat(Htpasswd.verifies("$2b" + y.substring(3), "pw")).isTrue();
    assertThat(Htpasswd.verifies("not-a-hash", "pw")).isFalse();
    assertThat(Htpasswd.verifies(null, "pw")).isFalse();
  }

  @Test
  void parseAndRenderRoundTripSkippingCommentsAndBlankLines() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("alice", "$2y$10$abc");
    entries.put("bob", "$2y$10$def");

    Map<String, String> parsed = Htpasswd.parse("# users\n\n" + Htpasswd.render(entries));

    assertThat(parsed).containsExactlyEntriesOf(entries);
  }

  @Test
  void generatedPasswordsAreLongAlphanumericAndDistinct() {
    String a = generator.password();
    String b = generator.password();

    assertThat(a).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(a).isNotEqualTo(b);
    assertThat(generator.hexKey(32)).hasSize(64).matches("[0-9a-f]+");
  }
}
