package dev.orderflow.ingest.topology;

/** Where the validation stage sends a record: to deduplication, or straight to rejections. */
sealed interface Routed {
  byte[] bytes();

  /** An {@link AcceptedSubmission}, keyed by order id. */
  record ToDedup(byte[] bytes) implements Routed {}

  /** A rejection's JSON, keyed like the submission. */
  record ToRejected(byte[] bytes) implements Routed {}
}
