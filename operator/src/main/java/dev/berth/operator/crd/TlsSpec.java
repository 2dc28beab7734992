package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** How the registry gets its server certificate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.mode) || self.mode != 'Secret' || has(self.secretName)",
    message = "tls.secretName is required when tls.mode is Secret", reason = "FieldValueRequired")
public class TlsSpec {
  @Default("Generated")
  public TlsMode mode;

  @JsonPropertyDescription("Secret with tls.crt and tls.key (e.g. a cert-manager Certificate's) for mode Secret.")
  public String secretName;

  @JsonPropertyDescription("Extra DNS names for the generated certificate.")
  public List<String> dnsNames;

  @JsonPropertyDescription("Extra IP addresses for the generated certificate.")
  public List<String> ipAddresses;

  @JsonPropertyDescription("Lifetime of the generated server certificate, e.g. 2160h (at most 8760h).")
  @Default("2160h")
  public String duration;

  @JsonPropertyDescription("Renew the server certificate this long before it expires, e.g. 720h.")
  @Default("720h")
  public String renewBefore;

  @JsonPropertyDescription("Key algorithm of generated keys.")
  @Default("ECDSA")
  public KeyAlgorithm keyAlgorithm;
}
