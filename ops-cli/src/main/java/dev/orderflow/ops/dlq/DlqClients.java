package dev.orderflow.ops.dlq;

import dev.orderflow.common.registry.RegistryClientConfig;
import dev.orderflow.common.registry.SchemaRegistryClient;
import java.net.URI;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The clients one command uses, made on first use and closed together. */
final class DlqClients implements AutoCloseable {
  private static final String CLIENT_ID = "ops-dlq";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(10);

  private final ConnectionOptions options;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private KafkaConsumer<byte[], byte[]> consumer;
  private ValueDecoder decoder;

  DlqClients(ConnectionOptions options) {
    this.options = options;
  }

  Duration timeout() {
    return options.timeout;
  }

  /** One consumer per command, used for one partition at a time; never in a group. */
  KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      Properties props = options.clientProperties();
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
      // Reading moves from partition to partition: a fetch parked at a partition's end would
      // hold the next poll for the default 500 ms.
      props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
      props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
      props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout().toMillis()));
      consumer =
          opened(
              new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }
    return consumer;
  }

  ValueDecoder decoder() {
    if (decoder == null) {
      decoder =
          new ValueDecoder(
              opened(
                  new SchemaRegistryClient(
                      new RegistryClientConfig(options.registryUrl.toString(), REGISTRY_TIMEOUT))));
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
    Properties props = producerProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
    return closing(
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  KafkaProducer<byte[], byte[]> producer() {
    return closing(
        new KafkaProducer<>(
            producerProperties(), new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /** A producer's plain close() waits without bound for unsent records. */
  private KafkaProducer<byte[], byte[]> closing(KafkaProducer<byte[], byte[]> producer) {
    opened.push(() -> producer.close(CLOSE_TIMEOUT));
    return producer;
  }

  Admin admin() {
    Properties props = options.clientProperties();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout().toMillis()));
    Admin admin = Admin.create(props);
    opened.push(() -> admin.close(CLOSE_TIMEOUT));
    return admin;
  }

  /** DynamoDB at the endpoint given, else where the SDK looks ($AWS_ENDPOINT_URL, AWS). */
  DynamoDbClient dynamo(URI endpoint, String region) {
    var builder =
        DynamoDbClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(10)));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return opened(builder.build());
  }

  private Properties producerProperties() {
    Properties props = options.clientProperties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout().toMillis()));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    return props;
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
