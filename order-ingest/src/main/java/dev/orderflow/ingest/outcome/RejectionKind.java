package dev.orderflow.ingest.outcome;

/** Why there is no OrderCreated for a submission. */
public enum RejectionKind {
  /** It broke one or more rules, or could not be read. */
  INVALID,
  /** The same order with the same content was already accepted within the dedup window. */
  DUPLICATE,
  /** An order with the same id but different content was already accepted within the window. */
  CONFLICT
}
