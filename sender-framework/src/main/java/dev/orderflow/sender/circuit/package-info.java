/**
 * The channel's circuit breaker: systemic failures (an outage, dead credentials, broken account
 * configuration) stop consumption, turn readiness false and are probed until they heal.
 */
package dev.orderflow.sender.circuit;
