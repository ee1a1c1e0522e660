package dev.orderflow.bench.ceiling;

import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.StackClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The raw producer→consumer rate: one producer (idempotent, acks=all, as the services use) and one
 * read_committed consumer on a fresh 6-partition topic, running side by side.
 */
public final class RawCeiling {
  static final Duration LIMIT = Duration.ofMinutes(3);

  private final StackClients clients;

  public RawCeiling(StackClients clients) {
    this.clients = clients;
  }

  /** Leaves {@code topic} filled with the records, for the passthrough ceiling to read. */
  public CeilingResult measure(String topic, int records, int recordBytes) {
    new PipelineResources(clients).createTopics(List.of(topic), 6);
    byte[] value = new byte[recordBytes];
    ThreadLocalRandom.current().nextBytes(value);
    long start = System.nanoTime();
    CompletableFuture<Long> consumed =
        CompletableFuture.supplyAsync(() -> consumeAll(topic, records));
    long produced;
    try (KafkaProducer<byte[], byte[]> producer = clients.producer("bench-raw")) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(), value));
      }
      producer.flush();
      produced = System.nanoTime();
    }
    long done = consumed.orTimeout(LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    return new CeilingResult(
        "raw producer→consumer",
        records,
        recordBytes,
        records / ((done - start) / 1e9),
        records / ((produced - start) / 1e9));
  }

  /** Reads until {@code expected} records arrived; returns the nanoTime of the last one. */
  private long consumeAll(String topic, int expected) {
    Properties props =
        clients
            .kafka()
            .reader(
                "bench-raw",
                IsolationLevel.READ_COMMITTED,
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"));
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long seen = 0;
      long last = System.nanoTime();
      long deadline = last + LIMIT.toNanos();
      while (seen < expected && System.nanoTime() < deadline) {
        int count = consumer.poll(Duration.ofMillis(100)).count();
        if (count > 0) {
          seen += count;
          last = System.nanoTime();
        }
      }
      if (seen < expected) {
        throw new IllegalStateException("raw ceiling read " + seen + " of " + expected);
      }
      return last;
    }
  }
}
