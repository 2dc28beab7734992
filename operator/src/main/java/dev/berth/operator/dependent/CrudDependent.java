package dev.berth.operator.dependent;

import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

/** A dependent the operator creates, keeps equal to the model, and leaves to owner-reference deletion. */
public abstract class CrudDependent<R extends HasMetadata> extends BerthDependent<R>
    implements Creator<R, Registry>, Updater<R, Registry>, GarbageCollected<Registry> {

  protected CrudDependent(Class<R> type) {
    super(type);
  }
}
