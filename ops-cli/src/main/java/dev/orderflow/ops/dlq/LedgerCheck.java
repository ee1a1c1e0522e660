package dev.orderflow.ops.dlq;

/** Whether the senders' ledger already records a notification as delivered. */
@FunctionalInterface
interface LedgerCheck {
  LedgerCheck NONE = notificationId -> false;

  boolean sent(String notificationId);
}
