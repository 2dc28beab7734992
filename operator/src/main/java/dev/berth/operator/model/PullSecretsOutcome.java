package dev.berth.operator.model;

import dev.berth.operator.crd.FailedNamespace;
import java.util.List;

/**
 * What one pull-secret pass achieved. {@code blocked} names why nothing could be provisioned at all (no
 * pull credentials yet), and is null otherwise.
 */
public record PullSecretsOutcome(int provisioned, List<FailedNamespace> failed, String blocked) {
  public static PullSecretsOutcome blocked(String why) {
    return new PullSecretsOutcome(0, List.of(), why);
  }
}
