/** Operations surface of a service: Prometheus metrics and the liveness and readiness endpoint. */
package dev.orderflow.common.ops;
