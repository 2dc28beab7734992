package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testing.TestHtpasswd;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtpasswdEntriesTest {
  static final String HTPASSWD_B_LINE = TestHtpasswd.HTPASSWD_B_LINE;

  private static HtpasswdEntries parse(String text) {
    return HtpasswdEntries.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheLineHtpasswdDashBWrites() {
    HtpasswdEntries entries = parse(HTPASSWD_B_LINE);

    assertThat(entries.users()).containsOnlyKeys("testuser");
    assertThat(entries.hashFor("testuser")).contains("$2y$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4kSOix3cDzpmqvNCKMlAE6Id2");
    assertThat(entries.warnings()).isEmpty();
  }

  @Test
  void acceptsEveryBcryptVersionAndIgnoresCommentsBlankLinesAndCarriageReturns() {
    String hash = "$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4kSOix3cDzpmqvNCKMlAE6Id2";
    HtpasswdEntries entries = parse("# users\r\n\r\na:$2a" + hash + "\r\n  b:$2b" + hash + "  \r\ny:$2y" + hash);

    assertThat(entries.users()).containsOnlyKeys("a", "b", "y");
    assertThat(entries.warnings()).isEmpty();
  }

  @Test
  void skipsOtherHashFormatsWithAWarningNamingTheLineButNotTheHash() {
    HtpasswdEntries entries = parse(String.join("\n",
        "md5user:$apr1$hFaSNsNQ$SSXo.VvzBN0jDW6mNaF5f.",
        "shauser:{SHA}GpHWL3ymc5liWkNopqtdSjuqYHM=",
        "plainuser:pw",
        "no colon here",
        HTPASSWD_B_LINE));

    assertThat(entries.users()).containsOnlyKeys("testuser");
    assertThat(entries.warnings()).hasSize(4);
    assertThat(entries.warnings().get(0)).startsWith("line 1:").contains("md5user").doesNotContain("$apr1$");
    assertThat(entries.warnings().get(1)).startsWith("line 2:").doesNotContain("GpHWL3");
    assertThat(entries.warnings().get(2)).startsWith("line 3:").doesNotContain(":pw");
    assertThat(entries.warnings().get(3)).startsWith("line 4:");
  }

  @Test
  void skipsTruncatedBcryptHashes() {
    HtpasswdEntries entries = parse("cut:$2y$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4k\n");

    assertThat(entries.users()).isEmpty();
    assertThat(entries.warnings()).singleElement().asString().startsWith("line 1:");
  }

  @Test
  void theLastEntryForAUserWinsAsInRegistry2() {
    String first = "$2y$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4kSOix3cDzpmqvNCKMlAE6Id2";
    String second = "$2y$05$elILIXR2s1nzbgIhy5kC7esnLsJ4zhOZF30qoL2s1dKLeict/pqz.";

    assertThat(parse("u:" + first + "\nu:" + second + "\n").hashFor("u")).contains(second);
  }

  @Test
  void contentHashChangesWithContent() {
    assertThat(parse("a").contentHash()).isEqualTo(parse("a").contentHash()).isNotEqualTo(parse("b").contentHash());
  }
}
