package dev.berth.operator.model;

import dev.berth.operator.crd.PullSecretsStatus;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistryStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The pullSecrets part of the status and its PullSecretsReady condition. */
public final class PullSecretConditions {
  public static final String PULL_SECRETS_READY = "PullSecretsReady";
  public static final String REASON_PROVISIONED = "Provisioned";
  public static final String REASON_SOME_FAILED = "NamespacesFailed";
  public static final String REASON_BLOCKED = "NoPullCredentials";

  private PullSecretConditions() {
  }

  /** Adds the outcome to {@code status}; a Registry without spec.pullSecrets gets neither field nor condition. */
  public static RegistryStatus apply(RegistryStatus status, Registry registry, PullSecretsOutcome outcome,
      Instant now) {
    if (!PullSecretTargets.enabled(registry)) {
      return status;
    }
    status.pullSecrets = new PullSecretsStatus(outcome.provisioned(), outcome.failed());
    boolean ready;
    String reason;
    String message;
    if (outcome.blocked() != null) {
      ready = false;
      reason = REASON_BLOCKED;
      message = outcome.blocked();
    } else if (!outcome.failed().isEmpty()) {
      ready = false;
      reason = REASON_SOME_FAILED;
      message = outcome.failed().size() + " namespace(s) failed: "
          + outcome.failed().stream().map(Object::toString).collect(Collectors.joining("; "));
    } else {
      ready = true;
      reason = REASON_PROVISIONED;
      message = outcome.provisioned() + " namespace(s) provisioned";
    }
    List<Condition> previous = registry.getStatus() != null ? registry.getStatus().conditions : List.of();
    List<Condition> conditions = new ArrayList<>(status.conditions);
    conditions.removeIf(c -> PULL_SECRETS_READY.equals(c.getType()));
    conditions.add(Conditions.condition(previous, PULL_SECRETS_READY, ready, reason, message,
        registry.getMetadata().getGeneration(), now));
    status.conditions = conditions;
    return status;
  }
}
