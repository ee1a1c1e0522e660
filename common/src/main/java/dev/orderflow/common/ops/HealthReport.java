package dev.orderflow.common.ops;

import java.util.Map;

/** The outcome of running a set of checks: up only when every check is up. */
public record HealthReport(boolean up, Map<String, State> checks) {
  public enum State {
    UP,
    DOWN
  }

  public HealthReport {
    checks = Map.copyOf(checks);
  }
}
