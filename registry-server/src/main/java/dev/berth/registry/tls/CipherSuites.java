package dev.berth.registry.tls;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * {@code http.tls.ciphersuites}, written with Go's names as in registry:2, to the Java runtime's names. Most
 * names are the same in both (IANA names); Go's short ChaCha20 aliases are translated. Names the runtime does
 * not support (unknown, misspelt, or broken suites such as RC4 and 3DES that Java no longer offers) are refused
 * at start, all of them in one message.
 *
 * <p>As in Go, the list only restricts TLS 1.2: TLS 1.3 suites are always enabled when TLS 1.3 is, unless the
 * list names TLS 1.3 suites itself.
 */
public final class CipherSuites {
  private static final Map<String, String> GO_ALIASES = Map.of(
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  private static final List<String> TLS13_SUITES =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private CipherSuites() {
  }

  /** The runtime's suite names, or an empty set (the engine's defaults) when nothing is configured. */
  public static Set<String> toJsse(List<String> goNames, Set<String> enabledProtocols) {
    return toJsse(goNames, enabledProtocols, runtimeSuites());
  }

  static Set<String> toJsse(List<String> goNames, Set<String> enabledProtocols, Set<String> supported) {
    if (goNames == null || goNames.isEmpty()) {
      return Set.of();
    }
    Set<String> suites = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String goName : goNames) {
      String name = goName == null ? "" : goName.strip();
      String jsse = GO_ALIASES.getOrDefault(name, name);
      if (supported.contains(jsse)) {
        suites.add(jsse);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("http.tls.ciphersuites: unknown or unsupported cipher suites " + unknown
          + "; supported by this runtime: " + supported);
    }
    boolean namesTls13 = suites.stream().anyMatch(TLS13_SUITES::contains);
    if (enabledProtocols.contains(TlsProtocols.TLS_1_3) && !namesTls13) {
      TLS13_SUITES.stream().filter(supported::contains).forEach(suites::add);
    }
    boolean namesTls12 = suites.stream().anyMatch(suite -> !TLS13_SUITES.contains(suite));
    if (enabledProtocols.contains(TlsProtocols.TLS_1_2) && !namesTls12) {
      throw new IllegalArgumentException("http.tls.ciphersuites lists no TLS 1.2 suite, so TLS 1.2 clients "
          + "could not connect; add TLS 1.2 suites or set http.tls.minimumtls: tls1.3");
    }
    return Collections.unmodifiableSet(suites);
  }

  static Set<String> runtimeSuites() {
    try {
      return Set.copyOf(Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java runtime has no default TLS context", e);
    }
  }
}
