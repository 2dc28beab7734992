package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Scratch storage that disappears with the pod: for tests and caches only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EmptyDirStorage {
  public String sizeLimit;
}
