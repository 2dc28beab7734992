package dev.berth.operator.model;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.S3Storage;
import dev.berth.registry.config.AccessConfig;
import dev.berth.registry.config.AuthConfig;
import dev.berth.registry.config.HttpConfig;
import dev.berth.registry.config.RegistryConfig;
import dev.berth.registry.config.StorageConfig;
import dev.berth.registry.config.TlsConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's config.yml for a Registry, in three layers: the registry image's defaults, then the user's
 * {@code spec.config}, then what the operator manages (storage, auth, TLS, listeners), which always wins.
 */
public final class RegistryConfigModel {
  public static final String PUSH_RULE_ACTIONS = "*";
  public static final String PULL_RULE_ACTIONS = "pull";
  /** Matches every repository name (across path segments). */
  public static final String ALL_REPOSITORIES = "**";

  private RegistryConfigModel() {
  }

  public static RegistryConfig build(EffectiveSpec spec, GeneratedUsers users) {
    RegistryConfig defaults = RegistryConfig.imageDefaults();
    // The storage driver comes from spec.storage alone; a default filesystem beside S3 would be two drivers.
    defaults.storage.filesystem = null;
    Map<String, Object> merged = ConfigYaml.toMap(defaults);
    deepMerge(merged, spec.userConfig());
    RegistryConfig managed = managed(spec);
    deepMerge(merged, ConfigYaml.toMap(managed));
    RegistryConfig config = ConfigYaml.fromMap(merged);
    if (spec.authMode() == AuthMode.Generated) {
      config.access = withGeneratedRules(config.access, users);
    }
    return config;
  }

  public static String render(EffectiveSpec spec, GeneratedUsers users) {
    return ConfigYaml.render(build(spec, users));
  }

  private static RegistryConfig managed(EffectiveSpec spec) {
    RegistryConfig config = new RegistryConfig();
    config.storage = storage(spec);
    config.http = new HttpConfig();
    config.http.addr = ":" + PodLayout.REGISTRY_PORT;
    config.http.debug = new HttpConfig.Debug();
    config.http.debug.addr = ":" + PodLayout.DEBUG_PORT;
    if (spec.tlsEnabled()) {
      config.http.tls = new TlsConfig();
      config.http.tls.certificate = PodLayout.inConfigDir(PodLayout.TLS_CERT);
      config.http.tls.key = PodLayout.inConfigDir(PodLayout.TLS_KEY);
    }
    if (spec.authMode() != AuthMode.None) {
      config.auth = new AuthConfig();
      config.auth.htpasswd = new AuthConfig.Htpasswd();
      config.auth.htpasswd.realm = RegistryNames.name(spec.registry()) + " registry";
      config.auth.htpasswd.path = PodLayout.inConfigDir(PodLayout.HTPASSWD);
    }
    return config;
  }

  private static StorageConfig storage(EffectiveSpec spec) {
    StorageConfig storage = new StorageConfig();
    if (spec.storageKind() == StorageKind.S3) {
      S3Storage s3 = spec.s3();
      storage.s3 = new StorageConfig.S3();
      storage.s3.bucket = s3.bucket;
      storage.s3.region = s3.region;
      storage.s3.regionendpoint = s3.regionEndpoint;
      storage.s3.forcepathstyle = s3.forcePathStyle;
      storage.s3.rootdirectory = s3.rootDirectory;
    } else {
      storage.filesystem = new StorageConfig.Filesystem();
      storage.filesystem.rootdirectory = PodLayout.DATA_DIR;
    }
    return storage;
  }

  /** The push user may do everything, the pull user only pull; the user's own rules follow. */
  private static AccessConfig withGeneratedRules(AccessConfig userAccess, GeneratedUsers users) {
    AccessConfig access = userAccess != null ? userAccess : new AccessConfig();
    List<AccessConfig.Rule> rules = new ArrayList<>();
    rules.add(rule(users.pushUser(), PUSH_RULE_ACTIONS));
    rules.add(rule(users.pullUser(), PULL_RULE_ACTIONS));
    if (access.rules != null) {
      rules.addAll(access.rules);
    }
    access.rules = rules;
    return access;
  }

  private static AccessConfig.Rule rule(String user, String action) {
    AccessConfig.Rule rule = new AccessConfig.Rule();
    rule.users = List.of(user);
    rule.repositories = List.of(ALL_REPOSITORIES);
    rule.actions = List.of(action);
    return rule;
  }

  /** Copies {@code overlay} into {@code base}; nested maps merge, anything else replaces. */
  @SuppressWarnings("unchecked")
  static void deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
    overlay.forEach((key, value) -> {
      Object existing = base.get(key);
      if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existingMap);
        deepMerge(copy, (Map<String, Object>) valueMap);
        base.put(key, copy);
      } else {
        base.put(key, value);
      }
    });
  }
}
