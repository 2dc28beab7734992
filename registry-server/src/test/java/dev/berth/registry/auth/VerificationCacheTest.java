package dev.berth.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerificationCacheTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void remembersTheExactUserHashAndPassword() {
    VerificationCache cache = new VerificationCache();
    cache.remember("alice", "$2y$hash1", bytes("pw"));

    assertThat(cache.contains("alice", "$2y$hash1", bytes("pw"))).isTrue();
    assertThat(cache.contains("alice", "$2y$hash1", bytes("other"))).isFalse();
    assertThat(cache.contains("alice", "$2y$hash2", bytes("pw"))).as("entry changed in the file").isFalse();
    assertThat(cache.contains("bob", "$2y$hash1", bytes("pw"))).isFalse();
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    VerificationCache cache = new VerificationCache();
    cache.remember("ab", "c", bytes("d"));

    assertThat(cache.contains("a", "bc", bytes("d"))).isFalse();
    assertThat(cache.contains("ab", "", bytes("cd"))).isFalse();
  }

  @Test
  void keysAreSecretPerProcessSoAnotherCacheNeverMatches() {
    VerificationCache first = new VerificationCache();
    VerificationCache second = new VerificationCache();
    first.remember("alice", "h", bytes("pw"));

    assertThat(second.contains("alice", "h", bytes("pw"))).isFalse();
  }

  @Test
  void staysWithinItsCapacityDroppingTheLeastRecentlyUsed() {
    VerificationCache cache = new VerificationCache(3);
    cache.remember("u1", "h", bytes("p"));
    cache.remember("u2", "h", bytes("p"));
    cache.remember("u3", "h", bytes("p"));
    assertThat(cache.contains("u1", "h", bytes("p"))).isTrue();

    cache.remember("u4", "h", bytes("p"));

    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.contains("u2", "h", bytes("p"))).as("least recently used").isFalse();
    assertThat(cache.contains("u1", "h", bytes("p"))).isTrue();
    assertThat(cache.contains("u4", "h", bytes("p"))).isTrue();
  }
}
