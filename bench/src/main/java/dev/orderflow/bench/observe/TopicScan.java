package dev.orderflow.bench.observe;

import dev.orderflow.bench.pipeline.StackAddresses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records from the beginning up to its end as of the call, without a
 * consumer group: a snapshot of what the pipeline has written so far.
 */
public final class TopicScan {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private TopicScan() {}

  public static List<ConsumerRecord<byte[], byte[]>> all(String bootstrapServers, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers, "bench-scan")) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, LIMIT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, LIMIT));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in " + LIMIT);
        }
        consumer.poll(POLL).forEach(records::add);
      }
      return records;
    }
  }

  /** read_committed stops short of transaction markers, so compare positions, not counts. */
  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    end.entrySet().removeIf(e -> consumer.position(e.getKey(), LIMIT) >= e.getValue());
    return end.isEmpty();
  }

  /** A groupless read_committed reader from common's KafkaSettings (StackAddresses). */
  static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers, String clientId) {
    Properties props =
        StackAddresses.kafkaSettings(bootstrapServers)
            .reader(
                clientId,
                IsolationLevel.READ_COMMITTED,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"));
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
