package dev.berth.operator.crd;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/** Schema stand-in for a YAML object of any shape (nested maps, lists and scalars). */
@PreserveUnknownFields
public final class FreeFormObject {
  private FreeFormObject() {
  }
}
