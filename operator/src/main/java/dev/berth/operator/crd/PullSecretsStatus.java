package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where the pull Secret is in place, and where it could not be placed. */
public class PullSecretsStatus {
  @JsonPropertyDescription("Target namespaces holding the current pull Secret and CA ConfigMap.")
  public Integer provisionedNamespaces;

  @JsonPropertyDescription("Target namespaces that could not be provisioned, with the reason.")
  public List<FailedNamespace> failedNamespaces = new ArrayList<>();

  public PullSecretsStatus() {
  }

  public PullSecretsStatus(int provisionedNamespaces, List<FailedNamespace> failedNamespaces) {
    this.provisionedNamespaces = provisionedNamespaces;
    this.failedNamespaces = new ArrayList<>(failedNamespaces);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PullSecretsStatus s && Objects.equals(provisionedNamespaces, s.provisionedNamespaces)
        && Objects.equals(failedNamespaces, s.failedNamespaces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provisionedNamespaces, failedNamespaces);
  }
}
