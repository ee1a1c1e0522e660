/**
 * What happened after the send: Meta's status webhooks (written to {@code notify.status.v1} by
 * meta-webhooks) applied to the ledger.
 *
 * <p>Each sender runs a {@link dev.orderflow.sender.status.StatusUpdater} beside its consume loop,
 * in its own consumer group ({@code <group>-status}), for its own platform's statuses: the ledger
 * and the dead-letter topic are the sender's, so the webhook service stays a thin receiver that
 * needs neither. A status names its notification by the notification id WhatsApp echoes
 * (biz_opaque_callback_data) or, for Instagram, by the message-id index the sender writes with
 * SENT. The {@link dev.orderflow.sender.status.StatusApplier} applies it idempotently and
 * monotonically; a status for a notification whose send's answer was lost makes it SENT (the tier
 * holding it then skips it); the first {@code failed} status makes the entry FAILED and turns the
 * record that was sent into a dead letter carrying Meta's code and the message id, replayable like
 * any other. A status that names no notification of ours is counted ({@code result=unmatched}) and
 * stays in the status topic.
 */
package dev.orderflow.sender.status;
