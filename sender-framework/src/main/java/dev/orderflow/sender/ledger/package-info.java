/**
 * The idempotency ledger (DynamoDB, one item per notification id, single-item conditional writes).
 *
 * <p>States: absent → SENDING (a lease: {@code leaseUntil}, {@code owner}) → SENT (with the wamid
 * or mid) | RETRYING (handed to a delay tier) | FAILED (dead-lettered). A SENT entry is never sent
 * again: a redelivered, retried or replayed notification finds it and counts a ledger hit.
 *
 * <p><b>The window that cannot be closed.</b> Meta accepts the message, and the sender dies (or
 * loses DynamoDB) before it writes SENT. Meta's send API has no idempotency key, so nothing the
 * sender can do makes "call Meta" and "write SENT" one step. The entry stays SENDING; when the
 * record is redelivered, the next sender waits until the lease expires and then takes the entry
 * over and sends again: the buyer may get a duplicate. The sender says so: the claim reports a
 * takeover, which is logged at WARN with the notification id and counted in {@code
 * sender.ledger.takeovers}; a SENT written twice is counted in {@code sender.ledger.duplicates}. We
 * chose a possible duplicate over a possible loss (the design's "never silently lost"). The window
 * is one HTTP call wide (plus the ledger write), so only a crash inside it can duplicate.
 */
package dev.orderflow.sender.ledger;
