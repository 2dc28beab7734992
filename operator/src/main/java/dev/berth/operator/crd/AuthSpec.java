package dev.berth.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Who may use the registry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.mode) || self.mode != 'Secret' || has(self.htpasswdSecret)",
    message = "auth.htpasswdSecret is required when auth.mode is Secret", reason = "FieldValueRequired")
public class AuthSpec {
  @Default("Generated")
  public AuthMode mode;

  @JsonPropertyDescription("Secret with an htpasswd key (bcrypt entries) for mode Secret.")
  public String htpasswdSecret;
}
