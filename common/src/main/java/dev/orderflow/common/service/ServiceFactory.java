package dev.orderflow.common.service;

/**
 * Builds a service from its context: reads and validates config (throwing {@link
 * dev.orderflow.common.config.ConfigException} on bad values), creates clients, registers health
 * checks. Should not start anything yet.
 */
@FunctionalInterface
public interface ServiceFactory {
  Service create(ServiceContext context) throws Exception;
}
