package dev.orderflow.common.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named set of checks (one for liveness, one for readiness), safe to add to while the endpoint
 * serves. An empty set is up.
 */
public final class HealthChecks {
  private static final Logger LOGGER = LoggerFactory.getLogger(HealthChecks.class);
  static final String WAITING_TO_START = "waiting-to-start";

  private final Map<String, HealthCheck> checks = new ConcurrentSkipListMap<>();
  private volatile BooleanSupplier applies = () -> true;

  public HealthChecks add(String name, HealthCheck check) {
    checks.put(name, check);
    return this;
  }

  public void remove(String name) {
    checks.remove(name);
  }

  /**
   * Until {@code condition} holds the checks are not run and the set reports up: a service that
   * waits to start (for its contracts) is alive, though its own liveness checks would say not.
   */
  public void deferUntil(BooleanSupplier condition) {
    this.applies = condition;
  }

  public HealthReport run() {
    if (!applies.getAsBoolean()) {
      return new HealthReport(true, Map.of(WAITING_TO_START, HealthReport.State.UP));
    }
    Map<String, HealthReport.State> states = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    checks.forEach(
        (name, check) -> {
          HealthReport.State state = stateOf(name, check);
          states.put(name, state);
          String reason = state == HealthReport.State.DOWN ? check.downReason() : null;
          if (reason != null) {
            reasons.put(name, reason);
          }
        });
    boolean up = !states.containsValue(HealthReport.State.DOWN);
    return new HealthReport(up, states, reasons);
  }

  private static HealthReport.State stateOf(String name, HealthCheck check) {
    try {
      return check.isUp() ? HealthReport.State.UP : HealthReport.State.DOWN;
    } catch (Exception e) {
      LOGGER.warn("health check failed check={} error={}", name, e.toString());
      return HealthReport.State.DOWN;
    }
  }
}
