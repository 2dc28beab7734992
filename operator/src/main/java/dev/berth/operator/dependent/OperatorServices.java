package dev.berth.operator.dependent;

import dev.berth.operator.certs.CertificateAuthority;
import dev.berth.operator.certs.CertificateIssuer;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.secrets.SecretGenerator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * What the dependents need beyond the Registry: time, certificate issuance, randomness and the default image.
 * The reconciler puts one into every reconcile's context, so tests swap in a fake clock without statics.
 */
public record OperatorServices(Clock clock, CertificateIssuer issuer, SecretGenerator secrets, String defaultImage) {
  private static final String KEY = OperatorServices.class.getName();

  public CertificateAuthority certificateAuthority() {
    return new CertificateAuthority(issuer, clock);
  }

  public EffectiveSpec effective(Registry registry) {
    return new EffectiveSpec(registry, defaultImage);
  }

  public void putInto(Context<Registry> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  public static OperatorServices from(Context<Registry> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, OperatorServices.class);
  }
}
