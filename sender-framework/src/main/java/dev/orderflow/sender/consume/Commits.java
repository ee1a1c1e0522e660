package dev.orderflow.sender.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each partition's finished prefix: asynchronously on an interval while running, and
 * synchronously before a partition is given up or the loop stops. Owned by the loop thread.
 */
final class Commits {
  private static final Logger LOGGER = LoggerFactory.getLogger(Commits.class);

  private final Consumer<byte[], byte[]> consumer;
  private final Duration interval;
  private long lastNanos = System.nanoTime();

  Commits(Consumer<byte[], byte[]> consumer, Duration interval) {
    this.consumer = consumer;
    this.interval = interval;
  }

  void periodic(Map<TopicPartition, Owned> owned) {
    if (System.nanoTime() - lastNanos >= interval.toNanos()) {
      commit(owned, owned.keySet(), false);
    }
  }

  /** A synchronous commit that logs rather than throws: the records are then redelivered. */
  void beforeLeaving(Map<TopicPartition, Owned> owned, Collection<TopicPartition> partitions) {
    try {
      commit(owned, partitions, true);
    } catch (RuntimeException e) {
      LOGGER.warn("commit failed partitions={}; those records will be redelivered", partitions, e);
    }
  }

  private void commit(
      Map<TopicPartition, Owned> owned, Collection<TopicPartition> partitions, boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Owned state = owned.get(partition);
      if (state != null) {
        state
            .progress
            .toCommit(sync)
            .ifPresent(o -> offsets.put(partition, new OffsetAndMetadata(o)));
      }
    }
    lastNanos = System.nanoTime();
    if (offsets.isEmpty()) {
      return;
    }
    offsets.forEach((p, offset) -> owned.get(p).progress.committed(offset.offset()));
    if (sync) {
      consumer.commitSync(offsets);
    } else {
      consumer.commitAsync(offsets, Commits::logFailure);
    }
  }

  private static void logFailure(Map<TopicPartition, OffsetAndMetadata> offsets, Exception e) {
    if (e != null) {
      LOGGER.warn("async commit failed offsets={}; a later commit covers them", offsets, e);
    }
  }
}
