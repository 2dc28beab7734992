package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** What the user asks for. Everything is optional; {@code spec: {}} gives a working, secured registry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.replicas) || self.replicas <= 1 || (has(self.storage) && (has(self.storage.s3)"
    + " || (has(self.storage.pvc) && has(self.storage.pvc.accessModes)"
    + " && 'ReadWriteMany' in self.storage.pvc.accessModes)))",
    message = "replicas > 1 needs storage.s3 or a storage.pvc with accessModes [ReadWriteMany]",
    fieldPath = ".replicas", reason = "FieldValueInvalid")
public class RegistrySpec {
  @JsonPropertyDescription("Number of registry pods. More than one needs S3 or a ReadWriteMany claim.")
  @Default("1")
  @Min(0)
  public Integer replicas;

  @JsonPropertyDescription("Registry image; default: the Berth registry image of the operator's own version.")
  public String image;

  @JsonPropertyDescription("CPU and memory requests and limits of the registry container.")
  public ResourceRequirements resources;

  public Map<String, String> nodeSelector;

  public List<Toleration> tolerations;

  public Affinity affinity;

  @JsonPropertyDescription("Where images are stored: exactly one of pvc, s3, emptyDir (default: a 10Gi pvc).")
  public StorageSpec storage;

  public TlsSpec tls;

  public AuthSpec auth;

  public ServiceSpec service;

  @JsonPropertyDescription("Put a pull Secret and the CA into these namespaces and their ServiceAccounts.")
  public PullSecretsSpec pullSecrets;

  @JsonPropertyDescription("Extra registry config.yml keys, merged under the keys the operator manages.")
  @SchemaFrom(type = FreeFormObject.class)
  public Map<String, Object> config;
}
