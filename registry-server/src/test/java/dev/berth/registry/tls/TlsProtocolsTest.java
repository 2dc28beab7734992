package dev.berth.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsProtocolsTest {
  @Test
  void defaultsToTls12AndUp() {
    assertThat(TlsProtocols.enabledFrom(null)).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    assertThat(TlsProtocols.enabledFrom("tls1.2")).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
  }

  @Test
  void tls13OnlyWhenAsked() {
    assertThat(TlsProtocols.enabledFrom("TLS1.3")).containsExactly("TLSv1.3");
  }

  @Test
  void refusesTls10And11WithAReason() {
    assertThatThrownBy(() -> TlsProtocols.enabledFrom("tls1.0"))
        .hasMessageContaining("http.tls.minimumtls tls1.0 is refused").hasMessageContaining("tls1.2");
    assertThatThrownBy(() -> TlsProtocols.enabledFrom("tls1.1")).hasMessageContaining("refused");
  }

  @Test
  void refusesUnknownValues() {
    assertThatThrownBy(() -> TlsProtocols.enabledFrom("ssl3")).hasMessageContaining("ssl3")
        .hasMessageContaining("unknown");
  }
}
