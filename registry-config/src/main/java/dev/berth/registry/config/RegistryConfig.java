package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The registry's {@code config.yml}: registry:2's format ({@code version: 0.1}) plus Berth's {@code access}
 * extension. The server reads it through {@link ConfigLoader}; the operator builds one and writes it with
 * {@link ConfigRenderer}, so both always agree on the format.
 *
 * <p>Fields are public and mutable on purpose: this is a data transfer object that mirrors the YAML
 * one to one, like distribution's own configuration struct. Absent sections are {@code null}; the
 * {@code effective...()} helpers of each section supply registry:2's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"version", "log", "storage", "auth", "access", "http", "health"})
public class RegistryConfig {
  public String version = "0.1";
  public LogConfig log;
  public StorageConfig storage;
  public AuthConfig auth;
  /** Berth extension: per-repository access rules. registry:2 ignores this key. */
  public AccessConfig access;
  public HttpConfig http;
  public HealthConfig health;

  /** The configuration the registry:2 image ships in {@code /etc/docker/registry/config.yml}. */
  public static RegistryConfig imageDefaults() {
    RegistryConfig config = new RegistryConfig();
    config.log = new LogConfig();
    config.log.fields = new java.util.LinkedHashMap<>(java.util.Map.of("service", "registry"));
    config.storage = new StorageConfig();
    config.storage.filesystem = new StorageConfig.Filesystem();
    config.storage.filesystem.rootdirectory = "/var/lib/registry";
    config.storage.cache = new StorageConfig.Cache();
    config.storage.cache.blobdescriptor = "inmemory";
    config.http = new HttpConfig();
    config.http.addr = ":5000";
    config.http.headers = new java.util.LinkedHashMap<>(
        java.util.Map.of("X-Content-Type-Options", java.util.List.of("nosniff")));
    config.health = new HealthConfig();
    config.health.storagedriver = new HealthConfig.StorageDriver();
    config.health.storagedriver.enabled = true;
    config.health.storagedriver.interval = "10s";
    config.health.storagedriver.threshold = 3;
    return config;
  }

  public LogConfig log() {
    return log != null ? log : new LogConfig();
  }

  public StorageConfig storage() {
    return storage != null ? storage : new StorageConfig();
  }

  public HttpConfig http() {
    return http != null ? http : new HttpConfig();
  }

  public AuthConfig auth() {
    return auth != null ? auth : new AuthConfig();
  }

  public AccessConfig access() {
    return access != null ? access : new AccessConfig();
  }

  public HealthConfig health() {
    return health != null ? health : new HealthConfig();
  }
}
