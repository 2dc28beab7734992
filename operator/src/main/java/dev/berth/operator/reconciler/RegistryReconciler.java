package dev.berth.operator.reconciler;

import dev.berth.operator.certs.Certificates;
import dev.berth.operator.crd.CertificateStatus;
import dev.berth.operator.crd.Registry;
import dev.berth.operator.crd.RegistryStatus;
import dev.berth.operator.dependent.BerthDependent;
import dev.berth.operator.dependent.CaSecretDependent;
import dev.berth.operator.dependent.ConfigMapDependent;
import dev.berth.operator.dependent.CredentialsDependent;
import dev.berth.operator.dependent.DependentNames;
import dev.berth.operator.dependent.DeploymentDependent;
import dev.berth.operator.dependent.HtpasswdDependent;
import dev.berth.operator.dependent.HttpSecretDependent;
import dev.berth.operator.dependent.OperatorServices;
import dev.berth.operator.dependent.PdbDependent;
import dev.berth.operator.dependent.PvcDependent;
import dev.berth.operator.dependent.ServiceAccountDependent;
import dev.berth.operator.dependent.ServiceDependent;
import dev.berth.operator.dependent.TlsSecretDependent;
import dev.berth.operator.model.CertificateModels;
import dev.berth.operator.model.PullSecretConditions;
import dev.berth.operator.model.PullSecretsOutcome;
import dev.berth.operator.pullsecrets.PullSecretInformers;
import dev.berth.operator.pullsecrets.PullSecretSync;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.RegistryNames;
import dev.berth.operator.model.RegistryStatusAggregator;
import dev.berth.operator.model.SpecProblem;
import dev.berth.operator.model.SpecValidator;
import dev.berth.operator.crd.TlsMode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.ContextInitializer;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Registry into its ServiceAccount, Service, Secrets, ConfigMap, claim, Deployment and PDB.
 * The spec is validated first and the workflow runs only for a valid one, so an invalid spec builds
 * nothing. Status is written only when it changed, so a converged Registry costs no writes.
 */
@ControllerConfiguration(name = RegistryReconciler.NAME)
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
    @Dependent(name = DependentNames.SERVICE_ACCOUNT, type = ServiceAccountDependent.class),
    @Dependent(name = DependentNames.SERVICE, type = ServiceDependent.class),
    @Dependent(name = DependentNames.HTTP_SECRET, type = HttpSecretDependent.class),
    @Dependent(name = DependentNames.CREDENTIALS, type = CredentialsDependent.class),
    @Dependent(name = DependentNames.HTPASSWD, type = HtpasswdDependent.class,
        dependsOn = DependentNames.CREDENTIALS),
    @Dependent(name = DependentNames.CA, type = CaSecretDependent.class),
    @Dependent(name = DependentNames.TLS, type = TlsSecretDependent.class,
        dependsOn = {DependentNames.CA, DependentNames.SERVICE}),
    @Dependent(name = DependentNames.CONFIG_MAP, type = ConfigMapDependent.class),
    @Dependent(name = DependentNames.PVC, type = PvcDependent.class),
    @Dependent(name = DependentNames.DEPLOYMENT, type = DeploymentDependent.class,
        dependsOn = {DependentNames.SERVICE_ACCOUNT, DependentNames.HTTP_SECRET, DependentNames.HTPASSWD,
            DependentNames.TLS, DependentNames.CONFIG_MAP, DependentNames.PVC}),
    @Dependent(name = DependentNames.PDB, type = PdbDependent.class, dependsOn = DependentNames.DEPLOYMENT)
})
public class RegistryReconciler implements Reconciler<Registry>, ContextInitializer<Registry>, Cleaner<Registry> {
  public static final String NAME = "registry";
  /** Upper bound between reconciles of a healthy Registry, so time-based renewals are never missed long. */
  static final Duration MAX_WAKE_UP = Duration.ofHours(6);
  private static final Duration MIN_WAKE_UP = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(RegistryReconciler.class);

  private final OperatorServices services;
  private final PullSecretInformers pullSecretInformers = new PullSecretInformers();
  private final PullSecretSync pullSecrets = new PullSecretSync(pullSecretInformers);

  public RegistryReconciler(OperatorServices services) {
    this.services = services;
  }

  @Override
  public List<EventSource<?, Registry>> prepareEventSources(EventSourceContext<Registry> context) {
    return pullSecretInformers.create(context);
  }

  /** Copies in other namespaces have no owner reference, so the finalizer removes them and their entries. */
  @Override
  public DeleteControl cleanup(Registry registry, Context<Registry> context) {
    pullSecrets.removeAll(registry, context.getClient());
    return DeleteControl.defaultDelete();
  }

  @Override
  public void initContext(Registry registry, Context<Registry> context) {
    services.putInto(context);
  }

  @Override
  public UpdateControl<Registry> reconcile(Registry registry, Context<Registry> context) {
    Instant now = services.clock().instant();
    List<SpecProblem> problems = new ArrayList<>(SpecValidator.validate(registry));
    EffectiveSpec spec = services.effective(registry);
    boolean waitingForSecrets = false;
    if (problems.isEmpty()) {
      problems.addAll(ReferencedSecrets.check(spec, context.getClient()));
      waitingForSecrets = !problems.isEmpty();
    }
    if (!problems.isEmpty()) {
      LOG.warn("Registry {}/{} not reconciled, invalid spec: {}", RegistryNames.namespace(registry),
          RegistryNames.name(registry), problems);
      // Secrets the user creates are not watched; look again soon rather than at the next periodic wake-up.
      Optional<Instant> wakeUp = waitingForSecrets ? Optional.of(now.plus(MIN_WAKE_UP)) : Optional.empty();
      return withStatus(registry, RegistryStatusAggregator.invalid(registry, problems, now), wakeUp);
    }
    var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    if (result.erroredDependentsExist()) {
      String message = result.getErroredDependents().entrySet().stream()
          .map(e -> e.getKey().name() + ": " + e.getValue().getMessage()).collect(Collectors.joining("; "));
      LOG.warn("Registry {}/{} reconcile failed: {}", RegistryNames.namespace(registry), RegistryNames.name(registry),
          message);
      UpdateControl<Registry> control =
          withStatus(registry, RegistryStatusAggregator.failed(registry, message, now), Optional.empty());
      return control.rescheduleAfter(MIN_WAKE_UP);
    }
    PullSecretsOutcome pulls = pullSecrets.reconcile(spec, context);
    Optional<CertificateStatus> certificate = certificateStatus(spec, context);
    RegistryStatus status = RegistryStatusAggregator.observed(spec, BerthDependent.secondary(context, Deployment.class, RegistryNames.deployment(registry)),
        certificate, now);
    PullSecretConditions.apply(status, registry, pulls, now);
    Optional<Instant> wakeUp = certificate.map(c -> Instant.parse(c.renewalTime));
    if (pulls.blocked() != null || !pulls.failed().isEmpty()) {
      // Forbidden or over quota in some namespace: nothing there is watched that would say it is fixed.
      wakeUp = Optional.of(now.plus(MIN_WAKE_UP));
    }
    return withStatus(registry, status, wakeUp);
  }

  private Optional<CertificateStatus> certificateStatus(EffectiveSpec spec, Context<Registry> context) {
    if (spec.tlsMode() != TlsMode.Generated) {
      return Optional.empty();
    }
    Optional<Secret> tls = BerthDependent.secondary(context, Secret.class, RegistryNames.tlsSecret(spec.registry()));
    Duration renewBefore = spec.certificateSettings().serverRenewBefore();
    return CertificateModels.servedCertificate(tls).map(c -> {
      Instant notAfter = Certificates.notAfter(c.certificate());
      return new CertificateStatus(notAfter.toString(), notAfter.minus(renewBefore).toString());
    });
  }

  private UpdateControl<Registry> withStatus(Registry registry, RegistryStatus status, Optional<Instant> wakeUp) {
    UpdateControl<Registry> control;
    if (status.equals(registry.getStatus())) {
      control = UpdateControl.noUpdate();
    } else {
      LOG.info("Registry {}/{} status: {}", RegistryNames.namespace(registry), RegistryNames.name(registry),
          status.conditions.stream().map(c -> c.getType() + "=" + c.getStatus() + " (" + c.getReason() + ")")
              .collect(Collectors.joining(", ")));
      registry.setStatus(status);
      control = UpdateControl.patchStatus(registry);
    }
    Duration untilWakeUp = wakeUp.map(t -> Duration.between(services.clock().instant(), t)).orElse(MAX_WAKE_UP);
    if (untilWakeUp.compareTo(MAX_WAKE_UP) > 0) {
      untilWakeUp = MAX_WAKE_UP;
    }
    return control.rescheduleAfter(untilWakeUp.compareTo(MIN_WAKE_UP) < 0 ? MIN_WAKE_UP : untilWakeUp);
  }
}
