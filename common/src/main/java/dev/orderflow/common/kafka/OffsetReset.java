package dev.orderflow.common.kafka;

import java.util.Locale;

/**
 * Where a group consumer starts when it has no committed offset, or when the one committed is no
 * longer in the log ({@code auto.offset.reset}). Every group consumer names its policy: a reset
 * decides whether records are read twice or never, so no consumer inherits one by accident.
 */
public enum OffsetReset {
  /** From the oldest record still held: nothing held is skipped; what was deleted is gone. */
  EARLIEST,
  /** From the next record written: everything held but unread is skipped. */
  LATEST,
  /** No reset: the consumer throws, and an operator decides. */
  NONE;

  /** The value of {@code auto.offset.reset}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
