package dev.orderflow.ops.dlq;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition's offsets [start, end) with an assigned consumer. Stops at the end even when
 * the last offsets are transaction markers (the position moves past them, no record comes), and
 * gives up with a clear error when nothing arrives for the whole timeout.
 */
final class PartitionReader {
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final Duration timeout;

  PartitionReader(Consumer<byte[], byte[]> consumer, Duration timeout) {
    this.consumer = consumer;
    this.timeout = timeout;
  }

  /** Feeds each record to the visitor until it returns false; returns false then. */
  boolean read(PartitionBounds bounds, Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
    if (bounds.size() == 0) {
      return true;
    }
    TopicPartition tp = bounds.partition();
    consumer.assign(List.of(tp));
    consumer.seek(tp, bounds.start());
    Instant lastProgress = Instant.now();
    while (consumer.position(tp, timeout) < bounds.end()) {
      List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(tp);
      if (records.isEmpty()) {
        if (Instant.now().isAfter(lastProgress.plus(timeout))) {
          throw new DlqException(
              ExitCode.USAGE,
              "no records from %s within %s (at offset %d of %d): is Kafka reachable?"
                  .formatted(tp, timeout, consumer.position(tp, timeout), bounds.end()));
        }
        continue;
      }
      lastProgress = Instant.now();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (record.offset() >= bounds.end()) {
          return true;
        }
        if (!visitor.test(record)) {
          return false;
        }
      }
    }
    return true;
  }
}
