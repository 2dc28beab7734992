package dev.berth.operator.model;

import dev.berth.operator.crd.AuthMode;
import dev.berth.operator.crd.CertificateStatus;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistryStatus;
import dev.berth.operator.crd.TlsMode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a Registry's whole status from what was observed: the only place conditions are decided.
 * Ready, Progressing and Degraded are always all present, with reasons a user can act on.
 */
public final class RegistryStatusAggregator {
  public static final String REASON_INVALID_SPEC = "InvalidSpec";
  public static final String REASON_RECONCILE_FAILED = "ReconcileFailed";
  public static final String REASON_AVAILABLE = "Available";
  public static final String REASON_PODS_NOT_READY = "PodsNotReady";
  public static final String REASON_ROLLING_OUT = "RollingOut";
  public static final String REASON_STABLE = "Stable";
  public static final String REASON_AS_EXPECTED = "AsExpected";

  private RegistryStatusAggregator() {
  }

  /** The spec cannot be acted on; nothing was built for it. */
  public static RegistryStatus invalid(Registry registry, List<SpecProblem> problems, Instant now) {
    String message = problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    RegistryStatus status = base(registry);
    status.conditions = conditions(registry, false, REASON_INVALID_SPEC, "fix the spec: " + message,
        false, REASON_INVALID_SPEC, "waiting for a valid spec", true, REASON_INVALID_SPEC, message, now);
    return status;
  }

  /** Building failed (API errors, conflicts); it is retried. */
  public static RegistryStatus failed(Registry registry, String message, Instant now) {
    RegistryStatus status = base(registry);
    status.conditions = conditions(registry, false, REASON_RECONCILE_FAILED, message, true, REASON_RECONCILE_FAILED,
        "retrying", true, REASON_RECONCILE_FAILED, message, now);
    return status;
  }

  /** Everything was applied; readiness follows the Deployment. */
  public static RegistryStatus observed(EffectiveSpec spec, Optional<Deployment> deployment,
      Optional<CertificateStatus> certificate, Instant now) {
    Registry registry = spec.registry();
    RegistryStatus status = base(registry);
    status.endpoint = RegistryNames.endpoint(registry, spec.servicePort());
    status.caSecret = spec.tlsMode() == TlsMode.Generated ? RegistryNames.caSecret(registry) : null;
    status.credentialsSecret = spec.authMode() == AuthMode.Generated ? RegistryNames.credentialsSecret(registry) : null;
    status.certificate = certificate.orElse(null);
    int ready = deployment.map(RegistryStatusAggregator::readyReplicas).orElse(0);
    status.readyReplicas = ready;
    boolean rolledOut = deployment.map(d -> isRolledOut(d, spec.replicas())).orElse(false);
    String replicas = ready + " of " + spec.replicas() + " replicas ready";
    status.conditions = rolledOut
        ? conditions(registry, true, REASON_AVAILABLE, replicas + " at " + status.endpoint, false, REASON_STABLE,
            "all replicas run the current spec", false, REASON_AS_EXPECTED, "no problems", now)
        : conditions(registry, false, REASON_PODS_NOT_READY, replicas, true, REASON_ROLLING_OUT,
            "waiting for the Deployment to roll out: " + replicas, false, REASON_AS_EXPECTED, "no problems", now);
    return status;
  }

  static boolean isRolledOut(Deployment deployment, int wanted) {
    var st = deployment.getStatus();
    if (st == null) {
      return wanted == 0;
    }
    Long generation = deployment.getMetadata().getGeneration();
    boolean observed = generation == null || (st.getObservedGeneration() != null
        && st.getObservedGeneration() >= generation);
    int updated = st.getUpdatedReplicas() != null ? st.getUpdatedReplicas() : 0;
    int total = st.getReplicas() != null ? st.getReplicas() : 0;
    return observed && updated >= wanted && readyReplicas(deployment) >= wanted && total <= wanted;
  }

  private static int readyReplicas(Deployment deployment) {
    var st = deployment.getStatus();
    return st != null && st.getReadyReplicas() != null ? st.getReadyReplicas() : 0;
  }

  private static RegistryStatus base(Registry registry) {
    RegistryStatus status = new RegistryStatus();
    status.observedGeneration = registry.getMetadata().getGeneration();
    RegistryStatus previous = registry.getStatus();
    if (previous != null) {
      // Keep what is still true about the last successful state while a problem is reported.
      status.endpoint = previous.endpoint;
      status.caSecret = previous.caSecret;
      status.credentialsSecret = previous.credentialsSecret;
      status.certificate = previous.certificate;
      status.readyReplicas = previous.readyReplicas;
    }
    return status;
  }

  private static List<Condition> conditions(Registry registry, boolean ready, String readyReason, String readyMsg,
      boolean progressing, String progressingReason, String progressingMsg, boolean degraded, String degradedReason,
      String degradedMsg, Instant now) {
    List<Condition> previous = registry.getStatus() != null ? registry.getStatus().conditions : List.of();
    Long generation = registry.getMetadata().getGeneration();
    return List.of(
        Conditions.condition(previous, Conditions.READY, ready, readyReason, readyMsg, generation, now),
        Conditions.condition(previous, Conditions.PROGRESSING, progressing, progressingReason, progressingMsg,
            generation, now),
        Conditions.condition(previous, Conditions.DEGRADED, degraded, degradedReason, degradedMsg, generation, now));
  }
}
