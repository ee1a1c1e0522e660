package dev.orderflow.common.ops;

import java.util.Map;

/**
 * The outcome of running a set of checks: up only when every check is up. {@code reasons} says, for
 * the down checks that can tell, why they are down.
 */
public record HealthReport(boolean up, Map<String, State> checks, Map<String, String> reasons) {
  public enum State {
    UP,
    DOWN
  }

  public HealthReport {
    checks = Map.copyOf(checks);
    reasons = Map.copyOf(reasons);
  }

  public HealthReport(boolean up, Map<String, State> checks) {
    this(up, checks, Map.of());
  }
}
