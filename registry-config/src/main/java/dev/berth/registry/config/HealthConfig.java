package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code health:} — the storage driver check behind /debug/health. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class HealthConfig {
  public StorageDriver storagedriver;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class StorageDriver {
    public Boolean enabled;
    /** Go duration, default 10s. */
    public String interval;
    /** Consecutive failures before unhealthy, default 3. */
    public Integer threshold;
  }
}
