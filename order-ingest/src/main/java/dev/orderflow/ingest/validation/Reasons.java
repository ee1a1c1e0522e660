package dev.orderflow.ingest.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects reasons up to a cap. Fields the reader already reported are remembered so that the rules
 * do not add "missing" for a field that was present but unreadable.
 */
final class Reasons {
  private final int max;
  private final List<Reason> reasons = new ArrayList<>();
  private final Set<String> reportedFields = new HashSet<>();
  private int dropped;

  Reasons(int max, List<Reason> readerProblems) {
    this.max = max;
    readerProblems.forEach(this::add);
  }

  void add(ReasonCode code, String field, String message) {
    add(new Reason(code, field, message));
  }

  void add(Reason reason) {
    reportedFields.add(reason.field());
    if (reasons.size() < max) {
      reasons.add(reason);
    } else {
      dropped++;
    }
  }

  boolean alreadyReported(String field) {
    return reportedFields.contains(field);
  }

  /** Adds MISSING_FIELD unless the reader already said what is wrong with the field. */
  void missing(String field) {
    if (!alreadyReported(field)) {
      add(ReasonCode.MISSING_FIELD, field, field + " is required but was absent or null.");
    }
  }

  boolean isEmpty() {
    return reasons.isEmpty();
  }

  List<Reason> toList() {
    if (dropped == 0) {
      return List.copyOf(reasons);
    }
    List<Reason> all = new ArrayList<>(reasons);
    all.add(
        Reason.ofRecord(
            ReasonCode.TOO_MANY_REASONS,
            dropped + " further reasons were left out; fix the ones listed and submit again."));
    return List.copyOf(all);
  }
}
