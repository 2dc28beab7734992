package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.DesiredHash;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.RegistryNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Deleter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared behaviour of Berth's dependents: the target's name comes from {@link RegistryNames} (never from
 * computing the desired object), writes are logged with the Registry they are for, and a dependent that
 * does not apply to the spec (a PDB for one replica, a CA with TLS disabled) removes what it made before.
 *
 * <p>Not applying is handled here rather than with a workflow precondition, because JOSDK deletes every
 * dependent downstream of an unmet precondition, and the Deployment is downstream of all of them.
 */
public abstract class BerthDependent<R extends HasMetadata> extends KubernetesDependentResource<R, Registry> {
  protected final Logger log = LoggerFactory.getLogger(getClass());

  protected BerthDependent(Class<R> type) {
    super(type);
  }

  /** The name of the object this dependent manages for the Registry. */
  protected abstract String resourceName(Registry registry);

  /** The desired object, computed by the model layer. */
  protected abstract R build(Registry registry, EffectiveSpec spec, Context<Registry> context);

  /** Whether a digest of the desired object is stored on it, so any change to it is noticed. */
  protected boolean annotateDesiredHash() {
    return true;
  }

  @Override
  protected R desired(Registry primary, Context<Registry> context) {
    R desired = build(primary, services(context).effective(primary), context);
    return annotateDesiredHash() ? DesiredHash.annotate(desired) : desired;
  }

  /** Whether the spec wants this object at all. */
  protected boolean appliesTo(EffectiveSpec spec) {
    return true;
  }

  @Override
  public ReconcileResult<R> reconcile(Registry primary, Context<Registry> context) {
    if (appliesTo(OperatorServices.from(context).effective(primary))) {
      return super.reconcile(primary, context);
    }
    Optional<R> existing = getSecondaryResource(primary, context);
    if (existing.isPresent() && this instanceof Deleter) {
      log.info("Deleting {} {}/{}: no longer wanted by the Registry's spec", kind(), namespace(primary),
          resourceName(primary));
      handleDelete(primary, existing.get(), context);
    }
    return ReconcileResult.noOperation(existing.orElse(null));
  }

  @Override
  public R create(R desired, Registry primary, Context<Registry> context) {
    log.info("Creating {} {}/{} for Registry {}", kind(), namespace(primary), desired.getMetadata().getName(),
        RegistryNames.name(primary));
    return super.create(desired, primary, context);
  }

  @Override
  public R update(R actual, R desired, Registry primary, Context<Registry> context) {
    log.info("Updating {} {}/{} for Registry {}: changed {}", kind(), namespace(primary),
        desired.getMetadata().getName(), RegistryNames.name(primary),
        ChangeSummary.of(actual, desired, context.getClient().getKubernetesSerialization()));
    return super.update(actual, desired, primary, context);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(Registry primary, Context<Registry> context) {
    return new ResourceID(resourceName(primary), namespace(primary));
  }

  /**
   * Another dependent's object by name. Every Berth informer sees all of a Registry's labelled objects of its
   * type, so lookups go by the name {@link RegistryNames} gives, never by event source alone.
   */
  public static <T extends HasMetadata> Optional<T> secondary(Context<Registry> context, Class<T> type, String name) {
    return context.getSecondaryResourcesAsStream(type).filter(r -> name.equals(r.getMetadata().getName()))
        .findFirst();
  }

  protected static OperatorServices services(Context<Registry> context) {
    return OperatorServices.from(context);
  }

  private String kind() {
    return resourceType().getSimpleName();
  }

  private static String namespace(Registry registry) {
    return RegistryNames.namespace(registry);
  }
}
