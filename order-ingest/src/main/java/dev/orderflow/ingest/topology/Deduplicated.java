package dev.orderflow.ingest.topology;

import dev.orderflow.schema.OrderCreated;

/** What the dedup stage makes of a valid order: a new order, or a duplicate/conflict rejection. */
sealed interface Deduplicated {

  record Created(OrderCreated order) implements Deduplicated {}

  record Rejected(byte[] json) implements Deduplicated {}
}
