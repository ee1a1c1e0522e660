package dev.orderflow.sender.consume;

import org.apache.kafka.common.TopicPartition;

/** Told of every partition whose committed offset the log no longer held (e.g. to count it). */
@FunctionalInterface
public interface OffsetResetListener {
  OffsetResetListener NONE = reset -> {};

  void reset(Reset reset);

  /**
   * One reset: the group had committed {@code committed}, the log held {@code [logStart, logEnd)},
   * and reading goes on from {@code position}; {@code skipped} records were deleted unread (0 when
   * the committed offset lay beyond the log's end and its records are read again).
   */
  record Reset(TopicPartition partition, long committed, long position, long skipped) {}
}
