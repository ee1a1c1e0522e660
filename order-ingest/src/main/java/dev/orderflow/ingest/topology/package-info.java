/**
 * The Kafka Streams topology: validate, re-key by order id, deduplicate, and write each
 * submission's one outcome, exactly once.
 */
package dev.orderflow.ingest.topology;
