package dev.orderflow.sender.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;

/**
 * A {@link MockConsumer} that behaves like a log: records stay in the partition after a poll, so a
 * seek back makes them come again, as a broker would.
 */
final class ReplayingConsumer extends MockConsumer<byte[], byte[]> {
  private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> log = new HashMap<>();
  private final Map<TopicPartition, Long> fedUpTo = new HashMap<>();
  private final Map<TopicPartition, Long> commits = new HashMap<>();

  ReplayingConsumer() {
    super("earliest");
  }

  synchronized void append(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    log.computeIfAbsent(partition, p -> new ArrayList<>()).add(record);
    updateEndOffsets(Map.of(partition, record.offset() + 1));
  }

  @Override
  public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    for (TopicPartition partition : assignment()) {
      if (paused().contains(partition)) {
        continue;
      }
      long fed = fedUpTo.getOrDefault(partition, -1L);
      for (ConsumerRecord<byte[], byte[]> record : log.getOrDefault(partition, List.of())) {
        if (record.offset() > fed) {
          addRecord(record);
          fedUpTo.put(partition, record.offset());
        }
      }
    }
    return super.poll(timeout);
  }

  @Override
  public synchronized void seek(TopicPartition partition, long offset) {
    super.seek(partition, offset);
    fedUpTo.put(partition, offset - 1);
  }

  @Override
  public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    super.commitSync(offsets);
    offsets.forEach((p, o) -> commits.put(p, o.offset()));
  }

  @Override
  public synchronized void commitAsync(
      Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
    super.commitAsync(offsets, callback);
    offsets.forEach((p, o) -> commits.put(p, o.offset()));
  }

  /** The last offset committed for a partition (readable after close, unlike committed()). */
  synchronized Long committedOffset(TopicPartition partition) {
    return commits.get(partition);
  }
}
