package dev.berth.operator.model;

import dev.berth.operator.crd.PullSecretsSpec;
import dev.berth.operator.crd.Registry;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What is wrong with spec.pullSecrets, named by field, before anything is written into other namespaces. */
final class PullSecretsValidator {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<String> SET_OPERATORS = Set.of("In", "NotIn");
  private static final Set<String> EXISTENCE_OPERATORS = Set.of("Exists", "DoesNotExist");
  private static final String FIELD = "spec.pullSecrets.";

  private PullSecretsValidator() {
  }

  static List<SpecProblem> validate(Registry registry) {
    PullSecretsSpec spec = registry.getSpec() != null ? registry.getSpec().pullSecrets : null;
    List<SpecProblem> problems = new ArrayList<>();
    if (spec == null) {
      return problems;
    }
    if (spec.secretName != null && (spec.secretName.length() > 253 || !DNS_SUBDOMAIN.matcher(spec.secretName).matches())) {
      problems.add(new SpecProblem(FIELD + "secretName", "'" + spec.secretName + "' is not a valid Secret name"));
    }
    if (ownSecretNames(registry).contains(RegistryNames.pullSecret(registry))) {
      problems.add(new SpecProblem(FIELD + "secretName", "'" + RegistryNames.pullSecret(registry)
          + "' is the name of one of the Registry's own Secrets"));
    }
    if (spec.namespaces != null) {
      spec.namespaces.stream().filter(n -> n == null || !DNS_LABEL.matcher(n).matches()).forEach(n ->
          problems.add(new SpecProblem(FIELD + "namespaces", "'" + n + "' is not a namespace name")));
    }
    if (spec.namespaceSelector != null && spec.namespaceSelector.getMatchExpressions() != null) {
      spec.namespaceSelector.getMatchExpressions().forEach(r -> expression(r, problems));
    }
    return problems;
  }

  private static void expression(LabelSelectorRequirement requirement, List<SpecProblem> problems) {
    String field = FIELD + "namespaceSelector.matchExpressions";
    String operator = requirement.getOperator();
    boolean hasValues = requirement.getValues() != null && !requirement.getValues().isEmpty();
    if (SET_OPERATORS.contains(operator) && !hasValues) {
      problems.add(new SpecProblem(field, "operator " + operator + " needs values"));
    } else if (EXISTENCE_OPERATORS.contains(operator) && hasValues) {
      problems.add(new SpecProblem(field, "operator " + operator + " takes no values"));
    } else if (!SET_OPERATORS.contains(operator) && !EXISTENCE_OPERATORS.contains(operator)) {
      problems.add(new SpecProblem(field, "unknown operator '" + operator
          + "' (expected In, NotIn, Exists or DoesNotExist)"));
    }
  }

  private static Set<String> ownSecretNames(Registry registry) {
    return Set.of(RegistryNames.caSecret(registry), RegistryNames.tlsSecret(registry),
        RegistryNames.htpasswdSecret(registry), RegistryNames.credentialsSecret(registry),
        RegistryNames.httpSecret(registry));
  }
}
