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
 * chose a possible duplicate over a possible loss (the design's "never silently lost").
 *
 * <p>What keeps the window that narrow: at the Meta call, after the waits for rate, pacing and the
 * circuit, the lease has at least half its slack over the call timeout left (validated at start-up
 * to outlast the call timeout), so no other run can take it over while the call is out. A lease is
 * renewed (owner-conditionally) before the call when it is older than {@code
 * SenderConfig.leaseRenewAfter()} (24 s with the defaults), or when an earlier send of the same
 * notification may have reached Meta (a status of that send may have turned the entry SENT, which
 * the renewal finds); a call right after its claim needs no renewal, so a notification sent at once
 * costs two ledger writes, the claim and SENT (and on Instagram its message index). Release and
 * settling are conditional on the owner, so a run whose lease was taken over writes nothing but
 * SENT; and from the call until SENT is written, revoke and shutdown interrupts are deferred, so
 * neither aborts the write. Only a process death (or a DynamoDB outage outlasting the lease) inside
 * "call, then write SENT" leaves the entry SENDING.
 *
 * <p><b>The other open case: no answer.</b> A read timeout or a reset after the request was
 * written, or a 200 without a message id, leaves "did Meta send it?" unanswered. Such an attempt is
 * counted in {@code sender.possibly-sent}; a RETRY is retried (a possible duplicate, as above), and
 * if the record ends in the DLQ it carries {@code dlq.possibly-sent=true}, which {@code ops dlq
 * replay} refuses without {@code --force}. A failed connect is not possibly sent: nothing left.
 */
package dev.orderflow.sender.ledger;
