package dev.orderflow.common.service;

/** A deployable's running part. {@link ServiceLauncher} calls each method once. */
public interface Service {
  /** Starts the service's threads and returns; throwing aborts start-up (exit code 1). */
  void start() throws Exception;

  /**
   * Stops within a bounded time (commit, close clients); called once from the shutdown hook, and
   * also when start-up failed after the service was built, so it must cope with never having
   * started.
   */
  void stop();
}
