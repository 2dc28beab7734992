package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** {@code http:} — listener, public URL, headers, TLS, HTTP/2, debug listener, and the upload-state secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"addr", "net", "host", "prefix", "secret", "relativeurls", "draintimeout", "headers", "tls",
    "http2", "debug"})
public class HttpConfig {
  /** host:port or :port (registry:2 image default: :5000). */
  public String addr;
  /** tcp (default) or unix. */
  public String net;
  /** The externally visible base URL used in Location headers, e.g. https://registry.example.com. */
  public String host;
  /** Path prefix under which /v2/ is served, e.g. /registry/. */
  public String prefix;
  /** Secret that signs upload session state; replicas behind one Service must share it. */
  public String secret;
  public Boolean relativeurls;
  public String draintimeout;
  public Map<String, List<String>> headers;
  public TlsConfig tls;
  public Http2 http2;
  public Debug debug;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Http2 {
    public Boolean disabled;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Debug {
    /** Address of the debug listener serving /debug/health without credentials. */
    public String addr;
    public Prometheus prometheus;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Prometheus {
    public Boolean enabled;
    public String path;
  }

  public String effectiveAddr() {
    return addr == null || addr.isBlank() ? ":5000" : addr;
  }

  public boolean relativeUrls() {
    return Boolean.TRUE.equals(relativeurls);
  }

  public boolean http2Disabled() {
    return http2 != null && Boolean.TRUE.equals(http2.disabled);
  }

  public boolean tlsEnabled() {
    return tls != null && tls.certificate != null && !tls.certificate.isBlank();
  }
}
