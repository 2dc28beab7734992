package dev.berth.operator.model;

import dev.berth.operator.crd.Registry;

/**
 * The one place that names what the operator creates for a Registry. Every dependent, the status and the
 * tests call these; nothing rebuilds a name by concatenation elsewhere.
 */
public final class RegistryNames {
  private RegistryNames() {
  }

  public static String name(Registry registry) {
    return registry.getMetadata().getName();
  }

  public static String namespace(Registry registry) {
    return registry.getMetadata().getNamespace();
  }

  public static String serviceAccount(Registry registry) {
    return name(registry) + "-registry";
  }

  public static String configMap(Registry registry) {
    return name(registry) + "-config";
  }

  public static String caSecret(Registry registry) {
    return name(registry) + "-ca";
  }

  public static String tlsSecret(Registry registry) {
    return name(registry) + "-tls";
  }

  public static String htpasswdSecret(Registry registry) {
    return name(registry) + "-htpasswd";
  }

  public static String credentialsSecret(Registry registry) {
    return name(registry) + "-credentials";
  }

  public static String httpSecret(Registry registry) {
    return name(registry) + "-http-secret";
  }

  public static String pvc(Registry registry) {
    return name(registry) + "-data";
  }

  public static String deployment(Registry registry) {
    return name(registry) + "-registry";
  }

  public static String service(Registry registry) {
    return name(registry);
  }

  public static String podDisruptionBudget(Registry registry) {
    return name(registry) + "-registry";
  }

  /** The dockerconfigjson Secret put into every pull-secret target namespace. */
  public static String pullSecret(Registry registry) {
    var pull = registry.getSpec() != null ? registry.getSpec().pullSecrets : null;
    return pull != null && pull.secretName != null && !pull.secretName.isBlank() ? pull.secretName
        : name(registry) + "-pull";
  }

  /** The ConfigMap with the registry's ca.crt in every pull-secret target namespace. */
  public static String caConfigMap(Registry registry) {
    return name(registry) + "-ca";
  }

  /** The names the Service answers to inside the cluster, shortest first. */
  public static java.util.List<String> serviceDnsNames(Registry registry) {
    String svc = service(registry);
    String ns = namespace(registry);
    return java.util.List.of(svc, svc + "." + ns, svc + "." + ns + ".svc", svc + "." + ns + ".svc.cluster.local");
  }

  /** In-cluster host:port that clients use. */
  public static String endpoint(Registry registry, int port) {
    return service(registry) + "." + namespace(registry) + ".svc:" + port;
  }
}
