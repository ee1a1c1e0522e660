package dev.orderflow.sender.ledger;

import java.time.Instant;

/** What a status webhook did to a ledger entry. */
public sealed interface StatusResult {

  /**
   * Recorded: a later state than the entry had. {@code sentAt} is when the sender recorded SENT
   * (null if it has not), for the time from send to delivered and to read.
   */
  record Applied(Instant sentAt) implements StatusResult {}

  /**
   * Recorded, and the entry was not SENT (the send's answer was lost: a timeout or a reset after
   * the request was written): it is SENT now, with the message id, so no run sends it again.
   */
  record ConfirmedSent() implements StatusResult {}

  /**
   * The first FAILED status for the entry: it is FAILED now (a replay may claim it) and {@code
   * source} is the record that was sent, for the dead letter; null when the entry has none.
   */
  record Failed(RecordCoordinates source) implements StatusResult {}

  /** Repeated or out of order (older than what the entry has): nothing written. */
  record Stale() implements StatusResult {}

  /** No ledger entry for the notification: not ours, or already expired. */
  record Unknown() implements StatusResult {}
}
