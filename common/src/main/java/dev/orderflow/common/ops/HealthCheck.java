package dev.orderflow.common.ops;

/** One named condition of liveness or readiness; throwing counts as down. */
@FunctionalInterface
public interface HealthCheck {
  boolean isUp() throws Exception;
}
