package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import java.time.Instant;

/** The reasons given for a repeat of an accepted order: a duplicate, or a conflict. */
final class Repeats {
  private Repeats() {}

  static Reason duplicate(AcceptedSubmission repeat, SeenOrder earlier) {
    return new Reason(
        ReasonCode.DUPLICATE_SUBMISSION,
        "orderId",
        "Order "
            + repeat.orderId()
            + " was already accepted at "
            + Instant.ofEpochMilli(earlier.acceptedAtMillis())
            + " (from "
            + earlier.source()
            + ", correlation id "
            + earlier.correlationId()
            + ") with the same content; this repeat created no second order.");
  }

  static Reason conflict(AcceptedSubmission repeat, SeenOrder earlier) {
    return new Reason(
        ReasonCode.ORDER_CONFLICT,
        "orderId",
        "Order "
            + repeat.orderId()
            + " was already accepted at "
            + Instant.ofEpochMilli(earlier.acceptedAtMillis())
            + " (from "
            + earlier.source()
            + ") with different content; an accepted order cannot be changed by sending it"
            + " again. Give a new order a new order id.");
  }
}
