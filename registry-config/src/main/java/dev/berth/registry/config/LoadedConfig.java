package dev.berth.registry.config;

import java.util.List;

/**
 * A configuration ready to run, and what the user should be told about it.
 *
 * @param config   the bound configuration, after {@code REGISTRY_*} overrides
 * @param warnings unknown, misplaced and not-yet-supported keys, ignored environment variables
 */
public record LoadedConfig(RegistryConfig config, List<ConfigWarning> warnings) {
  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}
