package dev.orderflow.ops.dlq;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.ops.connect.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The clients one command uses, made on first use and closed together. Kafka clients come from
 * common's {@link KafkaSettings} like the services' (TLS, SASL, per-client overrides), bounded by
 * the command's {@code --timeout}; what this tool tunes beyond them it passes as client defaults,
 * which {@code --command-config} and {@code --config} can still override.
 */
final class DlqClients implements AutoCloseable {
  private static final String CLIENT_ID = "ops-dlq";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);

  private static final Map<String, String> READER_DEFAULTS =
      Map.of(
          ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
          "500",
          // Reading moves from partition to partition: a fetch parked at a partition's end would
          // hold the next poll for the default 500 ms.
          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
          "50",
          ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
          "15000");

  /** A replay batch waits for its rate limit inside the transaction. */
  private static final Map<String, String> REPLAY_PRODUCER_DEFAULTS =
      Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");

  private final Connection connection;
  private final KafkaSettings kafka;
  private final Duration timeout;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private KafkaConsumer<byte[], byte[]> consumer;
  private ValueDecoder decoder;

  DlqClients(Connection connection, Duration timeout) {
    this.connection = connection;
    // Every blocking client call (a send's metadata wait, a poll's offsets, an admin call) gives up
    // after the command's --timeout.
    this.kafka = connection.kafka().blockingAtMost(timeout);
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** One consumer per command, used for one partition at a time; never in a group. */
  KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      consumer =
          opened(
              new KafkaConsumer<>(
                  kafka.reader(CLIENT_ID, IsolationLevel.READ_COMMITTED, READER_DEFAULTS),
                  new ByteArrayDeserializer(),
                  new ByteArrayDeserializer()));
    }
    return consumer;
  }

  ValueDecoder decoder() {
    if (decoder == null) {
      var registry = connection.registry().clientConfig().withTimeout(REGISTRY_TIMEOUT);
      decoder = new ValueDecoder(opened(new SchemaRegistryClient(registry)));
    }
    return decoder;
  }

  DeadLetterScanner scanner() {
    return new DeadLetterScanner(consumer(), new DeadLetterReader(decoder()), timeout());
  }

  /** The dead-letter topics that exist, of those asked for or the pipeline's defaults. */
  List<String> topics(List<String> asked, List<String> defaults) {
    var existing = consumer().listTopics(timeout()).keySet();
    if (asked.isEmpty()) {
      return defaults.stream().filter(existing::contains).toList();
    }
    for (String topic : asked) {
      if (!existing.contains(topic)) {
        throw DlqException.usage("topic " + topic + " does not exist");
      }
    }
    return List.copyOf(asked);
  }

  /**
   * Idempotent and transactional: a replayed record and its progress mark commit together, and a
   * newer producer with the same id fences this one.
   */
  KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
    return closing(
        new KafkaProducer<>(
            kafka.transactionalProducer(CLIENT_ID, transactionalId, REPLAY_PRODUCER_DEFAULTS),
            new ByteArraySerializer(),
            new ByteArraySerializer()));
  }

  KafkaProducer<byte[], byte[]> producer() {
    return closing(
        new KafkaProducer<>(
            kafka.producer(CLIENT_ID), new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** A producer's plain close() waits without bound for unsent records. */
  private KafkaProducer<byte[], byte[]> closing(KafkaProducer<byte[], byte[]> producer) {
    opened.push(() -> producer.close(CLOSE_TIMEOUT));
    return producer;
  }

  Admin admin() {
    Admin admin = Admin.create(kafka.admin(CLIENT_ID));
    opened.push(() -> admin.close(CLOSE_TIMEOUT));
    return admin;
  }

  /** DynamoDB as the senders reach it (common's {@link AwsClients}). */
  DynamoDbClient dynamo() {
    return opened(new AwsClients(connection.aws()).dynamoDb());
  }

  <T extends AutoCloseable> T opened(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        // Closing after the command's work is done: nothing left to lose.
      }
    }
  }
}
