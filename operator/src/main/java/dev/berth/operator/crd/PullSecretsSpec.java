package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/** Which namespaces and ServiceAccounts get the registry's pull Secret and CA. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PullSecretsSpec {
  @JsonPropertyDescription("Namespaces by name. The Registry's own namespace is always included.")
  public List<String> namespaces;

  @JsonPropertyDescription("Namespaces whose labels match this selector are included as well.")
  public LabelSelector namespaceSelector;

  @JsonPropertyDescription("ServiceAccounts that get the Secret in imagePullSecrets; default [default].")
  public List<String> serviceAccounts;

  @JsonPropertyDescription("Every ServiceAccount of a target namespace gets the Secret (overrides serviceAccounts).")
  public Boolean allServiceAccounts;

  @JsonPropertyDescription("Name of the dockerconfigjson Secret in each namespace; default <registry>-pull.")
  public String secretName;
}
