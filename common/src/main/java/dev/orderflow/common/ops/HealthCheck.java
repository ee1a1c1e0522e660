package dev.orderflow.common.ops;

/** One named condition of liveness or readiness; throwing counts as down. */
@FunctionalInterface
public interface HealthCheck {
  boolean isUp() throws Exception;

  /** Why the check is down, in one line for the health endpoint's body; null when it cannot say. */
  default String downReason() {
    return null;
  }
}
