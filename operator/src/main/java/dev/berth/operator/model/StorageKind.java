package dev.berth.operator.model;

/** Where the registry keeps its data, after defaults. */
public enum StorageKind {
  /** A claim the operator creates and owns. */
  PVC,
  /** A claim the user made; mounted, never modified. */
  EXISTING_CLAIM,
  S3,
  EMPTY_DIR
}
