package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Map;

/** The Service in front of the registry pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {
  @Default("ClusterIP")
  public ServiceType type;

  @Default("5000")
  @Min(1)
  @Max(65535)
  public Integer port;

  public Map<String, String> annotations;

  /** The Kubernetes Service types a registry can sit behind. */
  public enum ServiceType {
    ClusterIP, NodePort, LoadBalancer
  }
}
