package dev.orderflow.sender.ledger;

import java.time.Instant;

/** The ledger's answer to "may I send this notification now?". */
public sealed interface Claim {

  /**
   * Go ahead. {@code takeover} means an earlier sender's lease on it had expired while SENDING: it
   * may have reached Meta before that sender died, so this send may be a duplicate.
   */
  record Granted(boolean takeover) implements Claim {}

  /** Already delivered to the platform; do not send again. */
  record AlreadySent(String platformMessageId) implements Claim {}

  /** Another sender holds a live lease on it until {@code leaseUntil}. */
  record HeldElsewhere(Instant leaseUntil) implements Claim {}
}
