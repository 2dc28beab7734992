package dev.berth.registry.tls;

import java.util.Locale;
import java.util.Set;

/**
 * {@code http.tls.minimumtls} to the protocols the server enables. registry:2 accepts {@code tls1.0} and
 * {@code tls1.1}; Berth refuses them at start: both are deprecated (RFC 8996), disabled in current Java
 * runtimes, and a registry that silently served TLS 1.2 instead would contradict its own configuration.
 */
public final class TlsProtocols {
  public static final String TLS_1_2 = "TLSv1.2";
  public static final String TLS_1_3 = "TLSv1.3";

  private TlsProtocols() {
  }

  public static Set<String> enabledFrom(String minimumTls) {
    if (minimumTls == null || minimumTls.isBlank()) {
      return Set.of(TLS_1_2, TLS_1_3);
    }
    return switch (minimumTls.strip().toLowerCase(Locale.ROOT)) {
      case "tls1.2" -> Set.of(TLS_1_2, TLS_1_3);
      case "tls1.3" -> Set.of(TLS_1_3);
      case "tls1.0", "tls1.1" -> throw new IllegalArgumentException("http.tls.minimumtls " + minimumTls
          + " is refused: TLS 1.0 and 1.1 are deprecated and disabled in Java; use tls1.2 (the default) or tls1.3");
      default -> throw new IllegalArgumentException("http.tls.minimumtls " + minimumTls
          + " is unknown; use tls1.2 (the default) or tls1.3");
    };
  }
}
