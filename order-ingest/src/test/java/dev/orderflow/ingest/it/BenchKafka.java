package dev.orderflow.ingest.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's Kafka clients. The benchmark is a plain main, outside JUnit, so it cannot use
 * test-support's TestStack; it needs only these three things.
 */
final class BenchKafka implements AutoCloseable {
  private final String bootstrapServers;
  private final KafkaProducer<byte[], byte[]> producer;

  BenchKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  void createTopics(int partitions, String... names)
      throws ExecutionException, InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
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
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
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
