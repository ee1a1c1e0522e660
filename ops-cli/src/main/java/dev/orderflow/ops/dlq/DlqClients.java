package dev.orderflow.ops.dlq;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.ops.connect.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
 * common's {@link KafkaSettings} like the services' (TLS, SASL, per-client overrides); what this
 * tool needs beyond them is set only where the settings leave it open.
 */
final class DlqClients implements AutoCloseable {
  private static final String CLIENT_ID = "ops-dlq";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);

  private final Connection connection;
  private final KafkaSettings kafka;
  private final Duration timeout;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private KafkaConsumer<byte[], byte[]> consumer;
  private ValueDecoder decoder;

  DlqClients(Connection connection, Duration timeout) {
    this.connection = connection;
    this.kafka = connection.kafka();
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** One consumer per command, used for one partition at a time; never in a group. */
  KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      Properties props = kafka.reader(CLIENT_ID, IsolationLevel.READ_COMMITTED);
      props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
      // Reading moves from partition to partition: a fetch parked at a partition's end would
      // hold the next poll for the default 500 ms.
      props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
      props.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
      props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
      consumer =
          opened(
              new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
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
    Properties props = kafka.transactionalProducer(CLIENT_ID, transactionalId);
    bounded(props);
    // A replay batch waits for its rate limit inside the transaction.
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    return closing(
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  KafkaProducer<byte[], byte[]> producer() {
    Properties props = kafka.producer(CLIENT_ID);
    bounded(props);
    return closing(
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** A send blocks no longer than the command's --timeout. */
  private void bounded(Properties props) {
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
  }

  /** A producer's plain close() waits without bound for unsent records. */
  private KafkaProducer<byte[], byte[]> closing(KafkaProducer<byte[], byte[]> producer) {
    opened.push(() -> producer.close(CLOSE_TIMEOUT));
    return producer;
  }

  Admin admin() {
    Properties props = kafka.admin(CLIENT_ID);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    Admin admin = Admin.create(props);
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
