package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code auth:} — only {@code htpasswd} is acted on; {@code token} and {@code silly} are parsed and refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AuthConfig {
  public Htpasswd htpasswd;
  /** registry:2's token auth: parsed so that the server can refuse it rather than run open. */
  public java.util.Map<String, Object> token;
  /** registry:2's test-only "silly" auth: parsed so that the server can refuse it. */
  public java.util.Map<String, Object> silly;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Htpasswd {
    public String realm;
    public String path;
  }

  public boolean htpasswdEnabled() {
    return htpasswd != null && htpasswd.path != null && !htpasswd.path.isBlank();
  }
}
