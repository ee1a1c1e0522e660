package dev.orderflow.ingest.it;

import static org.awaitility.Awaitility.await;

import dev.orderflow.schema.OrderCreated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients against the local stack: make the topics, submit, read outcomes. */
final class IngestKafka implements AutoCloseable {
  static final int PARTITIONS = 3;

  private final IngestNames names;
  private final KafkaProducer<byte[], byte[]> producer;

  IngestKafka(IngestNames names) {
    this.names = names;
    createTopics();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private void createTopics() {
    try (Admin admin =
        Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(names.submitted(), PARTITIONS, (short) 1),
                  new NewTopic(names.created(), PARTITIONS, (short) 1),
                  new NewTopic(names.rejected(), PARTITIONS, (short) 1)))
          .all()
          .get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("cannot create topics for " + names, e);
    }
  }

  void submit(ProducerRecord<byte[], byte[]> record) {
    producer.send(record);
  }

  /** Sends, and hands the record's partition and offset to {@code sent} once acknowledged. */
  void submit(ProducerRecord<byte[], byte[]> record, Consumer<RecordMetadata> sent) {
    producer.send(
        record,
        (metadata, error) -> {
          if (error == null) {
            sent.accept(metadata);
          }
        });
  }

  void flush() {
    producer.flush();
  }

  /** Reads a topic from the start, read_committed, until {@code expected} records or timeout. */
  List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected, Duration max) {
    return readCommitted(List.of(topic), expected, max);
  }

  List<ConsumerRecord<byte[], byte[]>> readCommitted(
      List<String> topics, int expected, Duration max) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(topics)) {
      await(topics + " hold " + expected + " committed records")
          .atMost(max)
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
              });
      // Anything beyond the expected count would be a doubled outcome: look a little longer.
      consumer.poll(Duration.ofMillis(1000)).forEach(records::add);
    }
    return records;
  }

  /** A reader that keeps counting committed records across calls. */
  CommittedCounter counter(List<String> topics) {
    return new CommittedCounter(committedReader(topics));
  }

  static final class CommittedCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private int count;

    private CommittedCounter(KafkaConsumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    int count() {
      count += consumer.poll(Duration.ofMillis(200)).count();
      return count;
    }

    @Override
    public void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private static KafkaConsumer<byte[], byte[]> committedReader(List<String> topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return consumer;
  }

  static GenericRecord orderCreated(byte[] confluentFramed) {
    try {
      return new GenericDatumReader<GenericRecord>(OrderCreated.getClassSchema())
          .read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(confluentFramed, 5, confluentFramed.length - 5, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
