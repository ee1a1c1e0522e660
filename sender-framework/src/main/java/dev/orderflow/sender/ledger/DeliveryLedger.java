package dev.orderflow.sender.ledger;

import java.time.Instant;

/**
 * The idempotency ledger: one entry per notification id, moved between states by single-item
 * conditional writes. {@code owner} identifies one delivery run, so a run can renew its own lease.
 */
public interface DeliveryLedger {

  /** Takes (or renews) the SENDING lease unless the notification is SENT or leased by another. */
  Claim claim(String notificationId, String owner, Instant now);

  /**
   * Records the platform's message id. Returns false when the entry was already SENT by another
   * run, i.e. the notification went out twice.
   */
  boolean sent(String notificationId, String platformMessageId, Instant now);

  /** The notification is handed to a delay tier; the lease is given up. */
  void retrying(String notificationId, String reason, Instant now);

  /** The notification was dead-lettered; a replay may claim it again. */
  void failed(String notificationId, String reason, Instant now);
}
