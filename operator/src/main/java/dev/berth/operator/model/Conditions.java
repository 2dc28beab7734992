package dev.berth.operator.model;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** Condition types and the one rule for their timestamps: lastTransitionTime moves only when status flips. */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String TRUE = "True";
  public static final String FALSE = "False";

  private Conditions() {
  }

  public static Condition condition(List<Condition> previous, String type, boolean status, String reason,
      String message, Long generation, Instant now) {
    String statusText = status ? TRUE : FALSE;
    String transition = previous == null ? null : previous.stream()
        .filter(c -> type.equals(c.getType()) && statusText.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime).filter(Objects::nonNull).findFirst().orElse(null);
    return new ConditionBuilder()
        .withType(type)
        .withStatus(statusText)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition != null ? transition : now.truncatedTo(ChronoUnit.SECONDS).toString())
        .build();
  }

  public static java.util.Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null ? java.util.Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
