package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** Exactly one backend. The CRD enforces it with CEL; the operator checks again for older API servers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.pvc) ? 1 : 0) + (has(self.s3) ? 1 : 0) + (has(self.emptyDir) ? 1 : 0) == 1",
    message = "exactly one of storage.pvc, storage.s3, storage.emptyDir must be set", reason = "FieldValueInvalid")
public class StorageSpec {
  public PvcStorage pvc;
  public S3Storage s3;
  public EmptyDirStorage emptyDir;
}
