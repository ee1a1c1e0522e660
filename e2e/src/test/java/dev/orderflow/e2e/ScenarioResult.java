package dev.orderflow.e2e;

import dev.orderflow.bench.observe.Reconciliation;
import java.time.Duration;

/** One scenario's outcome, for the suite's fault report. */
record ScenarioResult(
    String name, int orders, Reconciliation reconciliation, int allowedDuplicates, Duration took) {

  String row() {
    return "| %s | %d | %d | %d | %d | %d | %.1f s |"
        .formatted(
            name,
            orders,
            reconciliation.matchedByKind().values().stream().mapToInt(Integer::intValue).sum(),
            reconciliation.lost().size(),
            reconciliation.wrong().size(),
            reconciliation.duplicateCount(),
            took.toMillis() / 1000.0);
  }
}
