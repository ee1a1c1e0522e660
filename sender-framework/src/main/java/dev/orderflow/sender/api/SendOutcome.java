package dev.orderflow.sender.api;

import dev.orderflow.common.kafka.ErrorClass;

/** The result of one send call: delivered to the platform, or failed with a classified error. */
public sealed interface SendOutcome {

  /** Accepted by the platform; {@code platformMessageId} is the wamid or Instagram mid. */
  record Sent(String platformMessageId) implements SendOutcome {}

  /**
   * Rejected or unanswered; {@code errorClass} says what the sender does next. {@code possiblySent}
   * when the platform may have acted on the call all the same: no answer after the request was
   * written (read timeout, reset), or a success without a message id.
   */
  record Failed(ErrorClass errorClass, MetaError error, boolean possiblySent)
      implements SendOutcome {
    /** A definite failure: the platform did not send it. */
    public Failed(ErrorClass errorClass, MetaError error) {
      this(errorClass, error, false);
    }
  }
}
