package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An S3 (or S3-compatible) bucket. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3Storage {
  @Required
  public String bucket;

  @Required
  public String region;

  @JsonPropertyDescription("Endpoint of an S3-compatible store, e.g. https://minio.example:9000.")
  public String regionEndpoint;

  public Boolean forcePathStyle;

  public String rootDirectory;

  @JsonPropertyDescription("Secret with keys access-key-id and secret-access-key; omit to use the pod's identity.")
  public String credentialsSecret;
}
