package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.testing.MutableClock;
import dev.berth.registry.testing.TestHtpasswd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdAuthenticatorTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger bcryptRuns = new AtomicInteger();
  private Path file;
  private HtpasswdAuthenticator authenticator;

  /** Counts bcrypt evaluations so tests can show which checks were answered from the cache. */
  private final BcryptVerifier countingBcrypt = new BcryptVerifier() {
    @Override
    boolean verify(String hash, byte[] password) {
      bcryptRuns.incrementAndGet();
      return super.verify(hash, password);
    }
  };

  static String hash(String version, String password) {
    return TestHtpasswd.hash(version, password);
  }

  private static BasicCredentials credentials(String user, String password) {
    return new BasicCredentials(user, password.getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void setUp() throws Exception {
    file = Files.writeString(dir.resolve("htpasswd"), HtpasswdEntriesTest.HTPASSWD_B_LINE
        + "alice:" + hash("2a", "alice-pw") + "\n"
        + "bob:" + hash("2b", "bob-pw") + "\n"
        + "carol:" + hash("2y", "pässwörd") + "\n");
    authenticator = new HtpasswdAuthenticator(HtpasswdFile.load(file, INTERVAL, clock), new VerificationCache(),
        countingBcrypt);
  }

  @Test
  void acceptsThePasswordOfALineWrittenByApacheHtpasswd() {
    assertThat(authenticator.verify(credentials("testuser", "testpassword"))).isTrue();
  }

  @Test
  void acceptsEveryBcryptVersion() {
    assertThat(authenticator.verify(credentials("alice", "alice-pw"))).isTrue();
    assertThat(authenticator.verify(credentials("bob", "bob-pw"))).isTrue();
    assertThat(authenticator.verify(credentials("carol", "pässwörd"))).isTrue();
  }

  @Test
  void refusesWrongPasswordsAndUnknownUsers() {
    assertThat(authenticator.verify(credentials("alice", "bob-pw"))).isFalse();
    assertThat(authenticator.verify(credentials("alice", ""))).isFalse();
    assertThat(authenticator.verify(credentials("mallory", "alice-pw"))).isFalse();
  }

  @Test
  void anUnknownUserCostsABcryptLikeAWrongPassword() {
    authenticator.verify(credentials("mallory", "x"));

    assertThat(bcryptRuns).hasValue(1);
  }

  @Test
  void aSuccessfulCheckIsCachedSoRepeatedRequestsCostNoBcrypt() {
    assertThat(authenticator.verifiedBefore(credentials("alice", "alice-pw"))).isFalse();
    assertThat(authenticator.verify(credentials("alice", "alice-pw"))).isTrue();
    assertThat(bcryptRuns).hasValue(1);

    for (int i = 0; i < 100; i++) {
      assertThat(authenticator.verifiedBefore(credentials("alice", "alice-pw"))).isTrue();
      assertThat(authenticator.verify(credentials("alice", "alice-pw"))).isTrue();
    }
    assertThat(bcryptRuns).hasValue(1);
  }

  @Test
  void failuresAreNeverCached() {
    authenticator.verify(credentials("alice", "wrong"));
    authenticator.verify(credentials("alice", "wrong"));

    assertThat(bcryptRuns).hasValue(2);
    assertThat(authenticator.verifiedBefore(credentials("alice", "wrong"))).isFalse();
  }

  @Test
  void aChangedPasswordInTheFileInvalidatesTheCachedVerification() throws Exception {
    assertThat(authenticator.verify(credentials("alice", "alice-pw"))).isTrue();

    Files.writeString(file, "alice:" + hash("2y", "new-pw") + "\n");
    clock.advance(INTERVAL);

    assertThat(authenticator.verifiedBefore(credentials("alice", "alice-pw"))).as("file due for a check").isFalse();
    assertThat(authenticator.verify(credentials("alice", "alice-pw"))).isFalse();
    assertThat(authenticator.verify(credentials("alice", "new-pw"))).isTrue();
  }

  @Test
  void aRemovedUserIsRefusedAfterTheNextCheck() throws Exception {
    assertThat(authenticator.verify(credentials("bob", "bob-pw"))).isTrue();

    Files.writeString(file, HtpasswdEntriesTest.HTPASSWD_B_LINE);
    clock.advance(INTERVAL);

    assertThat(authenticator.verify(credentials("bob", "bob-pw"))).isFalse();
    assertThat(authenticator.verifiedBefore(credentials("bob", "bob-pw"))).isFalse();
  }
}
