package dev.orderflow.ingest.it;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's Kafka clients. The benchmark is a plain main, outside JUnit, so it cannot use
 * test-support's TestStack; it needs only these three things, configured as the services' are.
 */
final class BenchKafka implements AutoCloseable {
  private final KafkaSettings kafka;
  private final KafkaProducer<byte[], byte[]> producer;

  BenchKafka(String bootstrapServers) {
    // The services' client settings, so the benchmark's clients are configured as theirs are.
    this.kafka = new KafkaSettings(KafkaConfig.plaintext(bootstrapServers));
    producer =
        new KafkaProducer<>(
            kafka.producer(
                "bench-vendor",
                Map.of(
                    ProducerConfig.LINGER_MS_CONFIG,
                    "5",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    Integer.toString(128 * 1024))),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  void createTopics(int partitions, String... names)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(kafka.admin("bench-admin"))) {
      admin
          .createTopics(
              java.util.Arrays.stream(names)
                  .map(name -> new NewTopic(name, partitions, (short) 1))
                  .toList())
          .all()
          .get();
    }
  }

  void send(ProducerRecord<byte[], byte[]> record) {
    producer.send(record);
  }

  void flush() {
    producer.flush();
  }

  /** Counts committed records on {@code topics} from their start; call from one thread. */
  Counter counter(List<String> topics) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            kafka.consumer(
                "bench-counter-" + System.nanoTime(),
                "bench-counter",
                IsolationLevel.READ_COMMITTED,
                OffsetReset.EARLIEST),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return new Counter(consumer);
  }

  static final class Counter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private int count;

    private Counter(KafkaConsumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    int count() {
      count += consumer.poll(Duration.ofMillis(200)).count();
      return count;
    }

    @Override
    public void close() {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
