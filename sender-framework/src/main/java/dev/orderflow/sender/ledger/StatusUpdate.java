package dev.orderflow.sender.ledger;

import dev.orderflow.schema.DeliveryState;
import java.time.Instant;

/**
 * One status webhook as the ledger applies it: the platform message id it names, the state Meta
 * reports, when it happened, and (on FAILED) the error as {@code code title}.
 */
public record StatusUpdate(
    String messageId, DeliveryState state, Instant occurredAt, String error) {

  /** sent < delivered < read; FAILED has no rank: it is recorded beside them. */
  int rank() {
    return switch (state) {
      case SENT -> 1;
      case DELIVERED -> 2;
      case READ -> 3;
      case FAILED -> 0;
    };
  }
}
