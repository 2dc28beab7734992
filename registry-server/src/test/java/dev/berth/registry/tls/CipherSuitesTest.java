package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CipherSuitesTest {
  private static final Set<String> BOTH = Set.of("TLSv1.2", "TLSv1.3");

  @Test
  void nothingConfiguredMeansTheEngineDefaults() {
    assertThat(CipherSuites.toJsse(null, BOTH)).isEmpty();
    assertThat(CipherSuites.toJsse(List.of(), BOTH)).isEmpty();
  }

  @Test
  void goNamesMapToTheRuntimeNamesAndTls13SuitesStayOn() {
    Set<String> suites = CipherSuites.toJsse(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305"), BOTH);

    assertThat(suites).startsWith("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    assertThat(suites).contains("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
  }

  @Test
  void tls12OnlyServersGetExactlyTheListedSuites() {
    assertThat(CipherSuites.toJsse(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), Set.of("TLSv1.2")))
        .containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void unknownAndUnsupportedNamesAreAllNamedInOneError() {
    assertThatThrownBy(() -> CipherSuites.toJsse(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_BOGUS_SUITE", "TLS_RSA_WITH_RC4_128_SHA"), BOTH))
        .hasMessageContaining("http.tls.ciphersuites")
        .hasMessageContaining("TLS_BOGUS_SUITE")
        .hasMessageContaining("TLS_RSA_WITH_RC4_128_SHA")
        .hasMessageNotContaining("[TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,");
  }

  @Test
  void onlyTls13SuitesWhileTls12IsEnabledIsRefused() {
    assertThatThrownBy(() -> CipherSuites.toJsse(List.of("TLS_AES_128_GCM_SHA256"), BOTH))
        .hasMessageContaining("no TLS 1.2 suite");
    assertThat(CipherSuites.toJsse(List.of("TLS_AES_128_GCM_SHA256"), Set.of("TLSv1.3")))
        .containsExactly("TLS_AES_128_GCM_SHA256");
  }
}
