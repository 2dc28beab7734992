package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdFileTest {
  private static final String ALICE = "alice:$2y$05$6/jwup2awQt8k2DcQ7yvB.7x4x4J4kSOix3cDzpmqvNCKMlAE6Id2\n";
  private static final String BOB = "bob:$2y$05$elILIXR2s1nzbgIhy5kC7esnLsJ4zhOZF30qoL2s1dKLeict/pqz.\n";
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock();

  @Test
  void aMissingFileIsAClearErrorAtStartNamingThePath() {
    Path missing = dir.resolve("auth/htpasswd");

    assertThatThrownBy(() -> HtpasswdFile.load(missing, INTERVAL, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("htpasswd -Bbn");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anUnreadableFileIsAClearErrorAtStart() {
    // A directory where the file should be cannot be read, whoever runs the test (even root).
    assertThatThrownBy(() -> HtpasswdFile.load(dir, INTERVAL, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("cannot be read");
  }

  @Test
  void rereadsChangedContentOnceTheIntervalPassedEvenWithTheSameModificationTime() throws Exception {
    Path file = Files.writeString(dir.resolve("htpasswd"), ALICE);
    FileTime mtime = Files.getLastModifiedTime(file);
    HtpasswdFile htpasswd = HtpasswdFile.load(file, INTERVAL, clock);

    Files.writeString(file, BOB);
    Files.setLastModifiedTime(file, mtime);
    htpasswd.reloadIfDue();
    assertThat(htpasswd.hashFor("bob")).as("interval not passed yet").isEmpty();

    clock.advance(INTERVAL);
    assertThat(htpasswd.checkDue()).isTrue();
    htpasswd.reloadIfDue();

    assertThat(htpasswd.hashFor("bob")).isPresent();
    assertThat(htpasswd.hashFor("alice")).isEmpty();
    assertThat(htpasswd.checkDue()).isFalse();
  }

  @Test
  void followsAKubernetesSecretSymlinkSwap() throws Exception {
    // The kubelet's layout: htpasswd -> ..data/htpasswd, ..data -> ..2026_01_01_v1; an update swaps ..data.
    Path v1 = Files.createDirectories(dir.resolve("..v1"));
    Files.writeString(v1.resolve("htpasswd"), ALICE);
    Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Path file = Files.createSymbolicLink(dir.resolve("htpasswd"), Path.of("..data/htpasswd"));
    HtpasswdFile htpasswd = HtpasswdFile.load(file, INTERVAL, clock);
    assertThat(htpasswd.hashFor("alice")).isPresent();

    Path v2 = Files.createDirectories(dir.resolve("..v2"));
    Files.writeString(v2.resolve("htpasswd"), ALICE + BOB);
    Path tmpLink = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
    Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    clock.advance(INTERVAL);
    htpasswd.reloadIfDue();

    assertThat(htpasswd.hashFor("bob")).isPresent();
    assertThat(htpasswd.hashFor("alice")).isPresent();
  }

  @Test
  void keepsTheLastGoodEntriesWhenTheFileDisappearsAfterStart() throws Exception {
    Path file = Files.writeString(dir.resolve("htpasswd"), ALICE);
    HtpasswdFile htpasswd = HtpasswdFile.load(file, INTERVAL, clock);

    Files.delete(file);
    clock.advance(INTERVAL);
    htpasswd.reloadIfDue();
    assertThat(htpasswd.hashFor("alice")).isPresent();

    Files.writeString(file, BOB);
    clock.advance(INTERVAL);
    htpasswd.reloadIfDue();
    assertThat(htpasswd.hashFor("alice")).isEmpty();
    assertThat(htpasswd.hashFor("bob")).isPresent();
  }

  @Test
  void anEmptyFileLoadsWithNoUsers() throws Exception {
    Path file = Files.writeString(dir.resolve("htpasswd"), "");

    assertThat(HtpasswdFile.load(file, INTERVAL, clock).entries().users()).isEmpty();
  }
}
