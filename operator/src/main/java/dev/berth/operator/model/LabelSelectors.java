package dev.berth.operator.model;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Kubernetes label-selector semantics, evaluated against cached objects instead of by the API server. */
public final class LabelSelectors {
  private LabelSelectors() {
  }

  /** An empty selector matches everything, as in Kubernetes; a null one matches nothing. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> actual = labels != null ? labels : Map.of();
    Map<String, String> required = selector.getMatchLabels() != null ? selector.getMatchLabels() : Map.of();
    boolean labelsMatch = required.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() != null ? selector.getMatchExpressions() : List.of();
    return labelsMatch && expressions.stream().allMatch(r -> matches(r, actual));
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() != null ? requirement.getValues() : List.of();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new IllegalArgumentException("unknown label selector operator '"
          + requirement.getOperator() + "' (expected In, NotIn, Exists or DoesNotExist)");
    };
  }
}
