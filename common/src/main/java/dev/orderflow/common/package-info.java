/** Shared plumbing of every service: config, Kafka settings, serde, registry, AWS, metrics. */
package dev.orderflow.common;
