package dev.orderflow.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads one topic from the beginning (committed records only, no consumer group), collecting what
 * it sees. Use {@link #awaitCount} directly, or poll it from Awaitility on the test thread: {@code
 * await().pollInSameThread().untilAsserted(() -> assertThat(collector.poll()).hasSize(3))} (a Kafka
 * consumer must stay on one thread).
 */
public final class RecordCollector implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
  private boolean assigned;

  RecordCollector(Properties consumerProperties, String topic) {
    this.topic = topic;
    Properties props = new Properties();
    props.putAll(consumerProperties);
    props.remove("group.id");
    // Reading a topic that does not exist yet must not create it with default partitions.
    props.put("allow.auto.create.topics", "false");
    this.consumer = new KafkaConsumer<>(props);
  }

  /** Polls once (at most 200 ms) and returns every record collected so far, oldest first. */
  public List<ConsumerRecord<byte[], byte[]>> poll() {
    if (!assigned && !assign()) {
      // The topic has no metadata yet: wait one poll interval rather than spin on metadata calls.
      LockSupport.parkNanos(POLL.toNanos());
      return List.copyOf(records);
    }
    consumer.poll(POLL).forEach(records::add);
    return List.copyOf(records);
  }

  /**
   * Polls until at least {@code count} records arrived.
   *
   * @throws AssertionError when {@code timeout} passes first, saying how many arrived
   */
  public List<ConsumerRecord<byte[], byte[]>> awaitCount(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (records.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected at least "
                + count
                + " records on "
                + topic
                + " within "
                + timeout
                + ", got "
                + records.size());
      }
      poll();
    }
    return List.copyOf(records);
  }

  /**
   * Polls until every partition is read up to its end offset as of the first look (the topic must
   * exist), so a test can take exactly what a topic holds without knowing how many records that is.
   *
   * @throws AssertionError when {@code timeout} passes first
   */
  public List<ConsumerRecord<byte[], byte[]>> toEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> end = null;
    while (end == null
        || !end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "records of " + topic + " not read to their end within " + timeout + ": " + end);
      }
      if (end == null && assigned) {
        end = consumer.endOffsets(consumer.assignment());
      }
      poll();
    }
    return List.copyOf(records);
  }

  public List<ConsumerRecord<byte[], byte[]>> records() {
    return List.copyOf(records);
  }

  /** Waits (bounded, by the poll timeout) for the topic to exist, then reads all partitions. */
  private boolean assign() {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, POLL);
    } catch (TimeoutException e) {
      return false;
    }
    if (partitions == null || partitions.isEmpty()) {
      return false;
    }
    List<TopicPartition> all =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(all);
    consumer.seekToBeginning(all);
    assigned = true;
    return true;
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
