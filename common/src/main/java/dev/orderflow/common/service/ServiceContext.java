package dev.orderflow.common.service;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;

/**
 * What a {@link ServiceFactory} gets: the service's name and instance id (for client ids and
 * transactional ids), its config, its metrics registry, and the liveness and readiness checks the
 * ops endpoint serves.
 */
public record ServiceContext(
    String name,
    String instance,
    ConfigSource config,
    Metrics metrics,
    HealthChecks live,
    HealthChecks ready) {}
