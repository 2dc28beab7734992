package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code log:} — level, formatter, static fields added to every line, and the access log switch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class LogConfig {
  /** error, warn, info or debug (registry:2's default: info). */
  public String level;
  /** text, json or logstash (registry:2's default: text). */
  public String formatter;
  public Map<String, Object> fields;
  public AccessLog accesslog;
  public Boolean reportcaller;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class AccessLog {
    public Boolean disabled;
  }

  public String effectiveLevel() {
    return level == null || level.isBlank() ? "info" : level;
  }

  public String effectiveFormatter() {
    return formatter == null || formatter.isBlank() ? "text" : formatter;
  }

  public boolean accessLogDisabled() {
    return accesslog != null && Boolean.TRUE.equals(accesslog.disabled);
  }
}
