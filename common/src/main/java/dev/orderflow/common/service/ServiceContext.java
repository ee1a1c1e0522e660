package dev.orderflow.common.service;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.contracts.Contracts;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;

/**
 * What a {@link ServiceFactory} gets: the service's name and instance id (for client ids and
 * transactional ids), its config, its metrics registry, the liveness and readiness checks the ops
 * endpoint serves, and the registry contracts it declares ({@code context.contracts().writes(topic,
 * schema)}), which the launcher resolves before starting it.
 */
public record ServiceContext(
    String name,
    String instance,
    ConfigSource config,
    Metrics metrics,
    HealthChecks live,
    HealthChecks ready,
    Contracts contracts) {

  /** Without contracts to declare: for tests that build a service by hand. */
  public ServiceContext(
      String name,
      String instance,
      ConfigSource config,
      Metrics metrics,
      HealthChecks live,
      HealthChecks ready) {
    this(name, instance, config, metrics, live, ready, new Contracts());
  }
}
