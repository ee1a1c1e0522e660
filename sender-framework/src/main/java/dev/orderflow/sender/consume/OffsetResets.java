package dev.orderflow.sender.consume;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On assignment, compares each partition's committed offset with the log's bounds. Kafka's consumer
 * resets a committed offset the log no longer holds silently ({@code auto.offset.reset}, EARLIEST
 * for the senders); here such a partition is moved to the log start explicitly, and the reset is
 * logged at WARN with the offsets skipped and told to the listener. A partition held while
 * retention overtakes its position is reset by the consumer unseen until its next assignment.
 */
final class OffsetResets {
  private static final Logger LOGGER = LoggerFactory.getLogger(OffsetResets.class);

  private final Consumer<byte[], byte[]> consumer;
  private final OffsetResetListener listener;

  OffsetResets(Consumer<byte[], byte[]> consumer, OffsetResetListener listener) {
    this.consumer = consumer;
    this.listener = listener;
  }

  /** Runs inside {@code onPartitionsAssigned}; a failed look-up is logged, never thrown. */
  void check(Collection<TopicPartition> assigned) {
    if (assigned.isEmpty()) {
      return;
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(assigned);
      Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
      for (TopicPartition partition : assigned) {
        OffsetAndMetadata offset = committed.get(partition);
        Long start = starts.get(partition);
        Long end = ends.get(partition);
        if (offset != null && start != null && end != null) {
          check(partition, offset.offset(), start, end);
        }
      }
    } catch (RuntimeException e) {
      LOGGER.warn("could not compare committed offsets with the log partitions={}", assigned, e);
    }
  }

  private void check(TopicPartition partition, long committed, long start, long end) {
    if (committed >= start && committed <= end) {
      return;
    }
    long skipped = committed < start ? start - committed : 0;
    consumer.seek(partition, start);
    if (skipped > 0) {
      LOGGER.warn(
          "offset reset partition={} committed={} position={} skipped={}:"
              + " records deleted by retention before this group read them",
          partition,
          committed,
          start,
          skipped);
    } else {
      LOGGER.warn(
          "offset reset partition={} committed={} position={} skipped=0:"
              + " the committed offset is past the log end {}; reading the partition again",
          partition,
          committed,
          start,
          end);
    }
    listener.reset(new OffsetResetListener.Reset(partition, committed, start, skipped));
  }
}
