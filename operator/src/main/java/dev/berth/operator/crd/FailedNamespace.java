package dev.berth.operator.crd;

import java.util.Objects;

/** A target namespace the operator could not provision, and why. */
public class FailedNamespace {
  public String namespace;
  public String reason;

  public FailedNamespace() {
  }

  public FailedNamespace(String namespace, String reason) {
    this.namespace = namespace;
    this.reason = reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailedNamespace f && Objects.equals(namespace, f.namespace) && Objects.equals(reason, f.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, reason);
  }

  @Override
  public String toString() {
    return namespace + ": " + reason;
  }
}
