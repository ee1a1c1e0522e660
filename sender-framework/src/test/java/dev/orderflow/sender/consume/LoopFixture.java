package dev.orderflow.sender.consume;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Runs a {@link KeyOrderedConsumer} over a {@link ReplayingConsumer} on a background thread. */
final class LoopFixture implements AutoCloseable {
  static final String TOPIC = "notify.test.v1";
  static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  final ReplayingConsumer consumer = new ReplayingConsumer();
  final KeyOrderedConsumer loop;
  private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
  private final Thread thread;

  LoopFixture(RecordHandler handler, ConsumerLoopConfig config, LoopHooks hooks, Clock clock) {
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
    loop = new KeyOrderedConsumer(consumer, List.of(TOPIC), handler, config, hooks, clock);
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
    thread = Thread.ofPlatform().name("loop").start(loop);
  }

  static ConsumerLoopConfig config(int maxInFlight) {
    return new ConsumerLoopConfig(
        maxInFlight,
        Math.max(maxInFlight, 1_000),
        Duration.ofMillis(20),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  synchronized ConsumerRecord<byte[], byte[]> send(
      TopicPartition partition, String key, String value) {
    long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
    var record =
        new ConsumerRecord<>(
            partition.topic(),
            partition.partition(),
            offset,
            key == null ? null : key.getBytes(UTF_8),
            value.getBytes(UTF_8));
    consumer.append(record);
    return record;
  }

  static String value(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.value(), UTF_8);
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    loop.stop();
    thread.join(Duration.ofSeconds(10));
  }
}
