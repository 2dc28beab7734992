package dev.berth.operator.model;

/** One thing wrong with a Registry's spec, naming the field the user must fix. */
public record SpecProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
