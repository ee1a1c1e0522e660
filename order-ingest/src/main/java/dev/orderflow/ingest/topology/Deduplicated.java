package dev.orderflow.ingest.topology;

/** What the dedup stage makes of a valid order: a new order, or a duplicate/conflict rejection. */
sealed interface Deduplicated {
  byte[] bytes();

  /** The OrderCreated in wire format, serialized by the validation stage. */
  record Created(byte[] bytes) implements Deduplicated {}

  /** A rejection's JSON. */
  record Rejected(byte[] bytes) implements Deduplicated {}
}
