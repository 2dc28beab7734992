package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed. Written only when something in it changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegistryStatus {
  public Long observedGeneration;

  @JsonPropertyDescription("Ready, Progressing and Degraded, each with a reason and message.")
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("In-cluster host:port of the registry.")
  public String endpoint;

  @JsonPropertyDescription("Secret whose ca.crt clients trust.")
  public String caSecret;

  @JsonPropertyDescription("Secret with push-username, push-password, pull-username, pull-password.")
  public String credentialsSecret;

  public CertificateStatus certificate;

  public Integer readyReplicas;

  public PullSecretsStatus pullSecrets;

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistryStatus s && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions) && Objects.equals(endpoint, s.endpoint)
        && Objects.equals(caSecret, s.caSecret) && Objects.equals(credentialsSecret, s.credentialsSecret)
        && Objects.equals(certificate, s.certificate) && Objects.equals(readyReplicas, s.readyReplicas)
        && Objects.equals(pullSecrets, s.pullSecrets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, endpoint, caSecret, credentialsSecret, certificate, readyReplicas,
        pullSecrets);
  }
}
