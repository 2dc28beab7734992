package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import dev.berth.operator.model.EffectiveSpec;
import dev.berth.operator.model.Labels;
import dev.berth.operator.model.RegistryNames;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import dev.berth.operator.model.SimpleModels;
import dev.berth.operator.model.StoredQuantities;
import dev.berth.operator.model.StorageKind;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data claim. Never deleted by the operator: it goes with the Registry only when
 * {@code retainOnDelete: false} gave it an owner reference. Only its size (expansion) and that owner
 * reference are ever updated; the rest of a claim's spec is immutable once bound.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class PvcDependent extends BerthDependent<PersistentVolumeClaim>
    implements Creator<PersistentVolumeClaim, Registry>, Updater<PersistentVolumeClaim, Registry> {

  public PvcDependent() {
    super(PersistentVolumeClaim.class);
  }

  @Override
  protected String resourceName(Registry registry) {
    return RegistryNames.pvc(registry);
  }

  @Override
  protected boolean appliesTo(EffectiveSpec spec) {
    return spec.storageKind() == StorageKind.PVC;
  }

  @Override
  protected boolean annotateDesiredHash() {
    return false;
  }

  @Override
  protected PersistentVolumeClaim build(Registry registry, EffectiveSpec spec, Context<Registry> context) {
    PersistentVolumeClaim claim = SimpleModels.pvc(spec);
    if (!spec.retainOnDelete()) {
      claim.getMetadata().setOwnerReferences(List.of(ownerReference(registry)));
    }
    return claim;
  }

  @Override
  public Matcher.Result<PersistentVolumeClaim> match(PersistentVolumeClaim actual, PersistentVolumeClaim desired,
      Registry primary, Context<Registry> context) {
    boolean sameSize = StoredQuantities.sameAmount(storage(actual), storage(desired));
    boolean sameOwnership = isOwned(actual, primary) == isOwned(desired, primary);
    return Matcher.Result.computed(sameSize && sameOwnership, desired);
  }

  @Override
  public PersistentVolumeClaim update(PersistentVolumeClaim actual, PersistentVolumeClaim desired,
      Registry primary, Context<Registry> context) {
    log.info("Updating PersistentVolumeClaim {}/{}: size {} -> {}, owned by the Registry: {}",
        actual.getMetadata().getNamespace(), actual.getMetadata().getName(), size(actual), size(desired),
        isOwned(desired, primary));
    PersistentVolumeClaim changed = context.getClient().getKubernetesSerialization().clone(actual);
    changed.getSpec().getResources().getRequests().put("storage", new Quantity(size(desired)));
    List<OwnerReference> owners = new ArrayList<>(changed.getMetadata().getOwnerReferences());
    owners.removeIf(o -> Objects.equals(o.getUid(), primary.getMetadata().getUid()));
    if (isOwned(desired, primary)) {
      owners.add(ownerReference(primary));
    }
    changed.getMetadata().setOwnerReferences(owners);
    return context.getClient().resource(changed).update();
  }

  /** Ownership is decided by {@link #build}; JOSDK's own owner reference handling stays off for claims. */
  @Override
  protected void addReferenceHandlingMetadata(PersistentVolumeClaim desired, Registry primary) {
    addSecondaryToPrimaryMapperAnnotations(desired, primary);
  }

  private static String size(PersistentVolumeClaim claim) {
    Quantity storage = storage(claim);
    return storage != null ? storage.toString() : null;
  }

  private static Quantity storage(PersistentVolumeClaim claim) {
    var resources = claim.getSpec() != null ? claim.getSpec().getResources() : null;
    return resources != null && resources.getRequests() != null ? resources.getRequests().get("storage") : null;
  }

  private static boolean isOwned(PersistentVolumeClaim claim, Registry registry) {
    return claim.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Objects.equals(o.getUid(), registry.getMetadata().getUid()));
  }

  private static OwnerReference ownerReference(Registry registry) {
    return new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
        .withApiVersion(registry.getApiVersion()).withKind(registry.getKind())
        .withName(registry.getMetadata().getName()).withUid(registry.getMetadata().getUid())
        .withBlockOwnerDeletion(true).withController(false).build();
  }
}
