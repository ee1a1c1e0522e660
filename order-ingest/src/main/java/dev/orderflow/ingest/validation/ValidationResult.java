package dev.orderflow.ingest.validation;

import java.util.List;

/** What the rules made of a draft: a valid order, or every reason it is not one. */
public sealed interface ValidationResult {

  record Valid(ValidOrder order) implements ValidationResult {}

  record Invalid(List<Reason> reasons) implements ValidationResult {
    public Invalid {
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("an invalid order needs at least one reason");
      }
      reasons = List.copyOf(reasons);
    }
  }
}
