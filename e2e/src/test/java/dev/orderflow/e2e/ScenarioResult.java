package dev.orderflow.e2e;

import dev.orderflow.bench.observe.Reconciliation;
import java.time.Duration;

/**
 * One scenario's outcome, for the suite's fault report. {@code took} runs to the end of the quiet
 * period; {@code untilComplete} only until every order had its outcome (seen within a second).
 */
record ScenarioResult(
    String name,
    int orders,
    Reconciliation reconciliation,
    int allowedDuplicates,
    Duration took,
    Duration untilComplete) {

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
