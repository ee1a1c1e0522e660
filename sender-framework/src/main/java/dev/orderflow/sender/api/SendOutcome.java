package dev.orderflow.sender.api;

/** The result of one send call: delivered to the platform, or failed with a classified error. */
public sealed interface SendOutcome {

  /** Accepted by the platform; {@code platformMessageId} is the wamid or Instagram mid. */
  record Sent(String platformMessageId) implements SendOutcome {}

  /** Rejected or unanswered; {@code errorClass} says what the sender does next. */
  record Failed(ErrorClass errorClass, MetaError error) implements SendOutcome {}
}
