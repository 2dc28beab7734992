package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code http.tls:} — PEM certificate and key files, client CAs, protocol floor and cipher suites. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TlsConfig {
  public String certificate;
  public String key;
  /** CA files; when set, clients must present a certificate signed by one of them. */
  public List<String> clientcas;
  /** tls1.2 (default) or tls1.3; tls1.0/tls1.1 are accepted by registry:2 and refused by Berth. */
  public String minimumtls;
  /** Go-style suite names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. */
  public List<String> ciphersuites;
}
