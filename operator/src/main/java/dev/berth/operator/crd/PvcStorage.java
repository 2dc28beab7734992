package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** A PersistentVolumeClaim, created by the operator or named with {@code existingClaim}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PvcStorage {
  @JsonPropertyDescription("Requested size; may grow later when the storage class allows expansion.")
  @Default("10Gi")
  public String size;

  public String storageClassName;

  @JsonPropertyDescription("Default [ReadWriteOnce]; [ReadWriteMany] allows more than one replica.")
  public List<String> accessModes;

  @JsonPropertyDescription("Use this claim instead of creating one; the operator never modifies or deletes it.")
  public String existingClaim;

  @JsonPropertyDescription("Keep the claim (and the images) when the Registry is deleted.")
  @Default("true")
  public Boolean retainOnDelete;
}
