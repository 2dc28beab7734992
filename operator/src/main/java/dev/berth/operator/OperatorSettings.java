package dev.berth.operator;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's own configuration, from environment variables:
 * <ul>
 *   <li>{@code BERTH_WATCH_NAMESPACES}: comma-separated namespaces to watch; empty or unset means all.</li>
 *   <li>{@code BERTH_LEADER_ELECTION}: {@code true} (default) or {@code false}.</li>
 *   <li>{@code BERTH_LEASE_NAMESPACE}: where the leader lease lives; default the operator pod's namespace
 *       ({@code POD_NAMESPACE}, else the service account's namespace file).</li>
 *   <li>{@code BERTH_HEALTH_PORT}: port of /healthz and /readyz, default 8081.</li>
 *   <li>{@code BERTH_REGISTRY_IMAGE}: image for Registries that name none; default the registry image of
 *       the operator's version.</li>
 * </ul>
 */
public record OperatorSettings(Set<String> watchNamespaces, boolean leaderElection, Optional<String> leaseNamespace,
    int healthPort, String defaultImage) {
  public static final String LEASE_NAME = "berth-operator-leader";
  public static final int DEFAULT_HEALTH_PORT = 8081;

  public static OperatorSettings from(Map<String, String> env, Optional<String> podNamespace, String builtInImage) {
    Set<String> namespaces = Arrays.stream(env.getOrDefault("BERTH_WATCH_NAMESPACES", "").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    boolean leaderElection = !"false".equalsIgnoreCase(env.getOrDefault("BERTH_LEADER_ELECTION", "true").strip());
    Optional<String> lease = Optional.ofNullable(env.get("BERTH_LEASE_NAMESPACE")).filter(s -> !s.isBlank())
        .or(() -> Optional.ofNullable(env.get("POD_NAMESPACE")).filter(s -> !s.isBlank()))
        .or(() -> podNamespace);
    String image = Optional.ofNullable(env.get("BERTH_REGISTRY_IMAGE")).filter(s -> !s.isBlank()).orElse(builtInImage);
    return new OperatorSettings(namespaces, leaderElection, lease, port(env.get("BERTH_HEALTH_PORT")), image);
  }

  private static int port(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_HEALTH_PORT;
    }
    try {
      int port = Integer.parseInt(text.strip());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("BERTH_HEALTH_PORT must be a port number, got '" + text + "'");
    }
  }
}
