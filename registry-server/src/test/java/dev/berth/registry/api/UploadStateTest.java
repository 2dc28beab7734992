package dev.berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UploadStateTest {
  private static final UploadState STATE = new UploadState("library/app", "9a1f7f53-0a5e-4a0c-9c1c-1d2e3f405162", 42,
      Instant.parse("2026-01-02T03:04:05Z"));

  @Test
  void packedStateUnpacksWithTheSameSecret() {
    assertThat(UploadState.unpack(STATE.pack("s3cret"), "s3cret")).isEqualTo(STATE);
  }

  @Test
  void tokenHasRegistry2Shape() throws Exception {
    byte[] token = Base64.getUrlDecoder().decode(STATE.pack("s3cret"));

    JsonNode json = new ObjectMapper().readTree(Arrays.copyOfRange(token, 32, token.length));

    assertThat(json.path("Name").asText()).isEqualTo("library/app");
    assertThat(json.path("UUID").asText()).isEqualTo(STATE.uuid());
    assertThat(json.path("Offset").asLong()).isEqualTo(42);
    assertThat(json.path("StartedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
  }

  @Test
  void acceptsRegistry2TimestampsWithNanosecondsAndOffsets() {
    UploadState state = new UploadState("a", "b", 0, Instant.parse("2026-01-02T03:04:05.123456789Z"));

    assertThat(UploadState.unpack(state.pack("k"), "k").startedAt()).isEqualTo(state.startedAt());
  }

  @Test
  void stateSignedWithAnotherSecretIsBlobUploadInvalid() {
    assertInvalid(STATE.pack("other"), "s3cret");
  }

  @Test
  void alteredPayloadIsBlobUploadInvalid() {
    byte[] token = Base64.getUrlDecoder().decode(STATE.pack("s3cret"));
    token[token.length - 3] ^= 1;

    assertInvalid(Base64.getUrlEncoder().encodeToString(token), "s3cret");
  }

  @Test
  void garbageIsBlobUploadInvalid() {
    assertInvalid("%%%", "s3cret");
    assertInvalid("", "s3cret");
    assertInvalid(Base64.getUrlEncoder().encodeToString(new byte[40]), "s3cret");
  }

  private static void assertInvalid(String token, String secret) {
    assertThatThrownBy(() -> UploadState.unpack(token, secret))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.BLOB_UPLOAD_INVALID));
  }
}
