package dev.orderflow.sender.retry;

/** Where a record is in its journey: the main topic, a delay tier, or the dead-letter topic. */
public enum Hop {
  MAIN,
  RETRY,
  DLT
}
