package dev.berth.operator.crd;

/** Generated: the operator runs its own CA. Secret: the user's certificate. Disabled: plain HTTP. */
public enum TlsMode {
  Generated, Secret, Disabled
}
