package dev.orderflow.ops.dlq;

/** What replay does with one selected dead letter. */
sealed interface Verdict {
  /** Send it to {@code target}. */
  record Replay(String target) implements Verdict {}

  /** A replay already sent it (its progress mark is in the progress topic). */
  record AlreadyReplayed() implements Verdict {}

  /** The ledger says the buyer already has the message. */
  record AlreadySent(String notificationId) implements Verdict {}

  /** Not safe to send as asked; the reason says what would make it so. */
  record Refused(String reason) implements Verdict {}
}
