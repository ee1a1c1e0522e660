package dev.orderflow.sender.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * The idempotency ledger: one entry per notification id, moved between states by single-item
 * conditional writes. {@code owner} identifies one delivery run, so a run can renew its own lease;
 * every write but SENT is conditional on the run still holding the lease, so a run whose lease
 * expired and was taken over cannot release or settle the new owner's entry.
 */
public interface DeliveryLedger {

  /** Takes (or renews) the SENDING lease unless the notification is SENT or leased by another. */
  Claim claim(String notificationId, String owner, Instant now);

  /**
   * Records the platform's message id and the record it was sent from. Returns false when the entry
   * was already SENT by another run, i.e. the notification went out twice.
   */
  boolean sent(
      String notificationId, String platformMessageId, RecordCoordinates source, Instant now);

  /**
   * Applies a status webhook to the notification's entry, idempotently and monotonically (sent <
   * delivered < read; the first FAILED is recorded beside them and makes the entry FAILED).
   */
  StatusResult applyStatus(String notificationId, StatusUpdate update, Instant now);

  /**
   * Remembers which notification a platform message id belongs to, for platforms whose status
   * webhooks name only the message id (Instagram); WhatsApp's echo the notification id.
   */
  void indexMessage(String platformMessageId, String notificationId, Instant now);

  /** The notification a message id was {@linkplain #indexMessage indexed} for. */
  Optional<String> notificationOf(String platformMessageId);

  /**
   * Extends {@code owner}'s SENDING lease from {@code now}, right before the platform call (the
   * waits for rate, pace and circuit may have used up the lease taken at the claim). False when the
   * lease is no longer {@code owner}'s: taken over, settled or sent by another run.
   */
  boolean renew(String notificationId, String owner, Instant now);

  /**
   * The notification is handed to a delay tier; {@code owner}'s lease is given up. False (and
   * nothing written) when the lease is not {@code owner}'s any more.
   */
  boolean retrying(String notificationId, String owner, String reason, Instant now);

  /**
   * The notification was dead-lettered; a replay may claim it again. False (and nothing written)
   * when the lease is not {@code owner}'s any more.
   */
  boolean failed(String notificationId, String owner, String reason, Instant now);
}
