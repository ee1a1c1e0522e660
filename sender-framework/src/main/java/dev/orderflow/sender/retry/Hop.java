package dev.orderflow.sender.retry;

/**
 * Where a record is in its journey: the main topic or a delay tier. The dead-letter topic is not a
 * hop: nothing is consumed from it, and {@link RetryTopology#deadLetterTopic()} names it.
 */
public enum Hop {
  MAIN,
  RETRY
}
