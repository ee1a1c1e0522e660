/** Kafka client settings, typed topic descriptors, header names and header helpers. */
package dev.orderflow.common.kafka;
