package dev.orderflow.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One test's view of the stack: where Kafka and the local servers are, names unique to the test,
 * and small fixtures. Every client it hands out is closed when the test ends. The registry,
 * DynamoDB, Secrets and Meta addresses are checked reachable on first use; a part that is down
 * fails the test with a message saying to run dev/start.sh.
 */
public final class TestStack implements AutoCloseable {
  private final KafkaCluster kafka;
  private final StackSettings settings;
  private final String testClass;
  private final String testMethod;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private Admin admin;
  private DynamoDbClient dynamoDb;

  TestStack(KafkaCluster kafka, StackSettings settings, String testClass, String testMethod) {
    this.kafka = kafka;
    this.settings = settings;
    this.testClass = testClass;
    this.testMethod = testMethod;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public KafkaMode kafkaMode() {
    return kafka.mode();
  }

  /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
  public URI registryUrl() {
    return reachable("Schema registry", "SCHEMA_REGISTRY_URL", settings.registryUrl());
  }

  public URI dynamoDbEndpoint() {
    return reachable("DynamoDB (dynalite)", "AWS_ENDPOINT_URL", settings.dynamoDbEndpoint());
  }

  public URI secretsEndpoint() {
    return reachable(
        "Secrets Manager", "AWS_ENDPOINT_URL_SECRETS_MANAGER", settings.secretsEndpoint());
  }

  public URI metaGraphUrl() {
    return reachable("Meta Graph API simulator", "META_GRAPH_URL", settings.metaGraphUrl());
  }

  public String awsRegion() {
    return settings.awsRegion();
  }

  /**
   * The stack's addresses as a service reads them from its environment (Kafka, the registry with
   * auto-registration, the AWS region and endpoints), for a service started in the test's JVM.
   */
  public Map<String, String> serviceEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", registryUrl().toString());
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("AWS_REGION", awsRegion());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
    env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsEndpoint().toString());
    return env;
  }

  /** {@code orders.created} → {@code orders.created.<TestClass>.<method>.<random>}. */
  public String uniqueTopic(String base) {
    return uniqueName(base);
  }

  public String uniqueTable(String base) {
    return uniqueName(base);
  }

  /** A unique name for anything else: consumer groups, transactional ids, application ids. */
  public String uniqueName(String base) {
    return UniqueNames.of(base, testClass, testMethod);
  }

  public void createTopic(String name, int partitions) {
    KafkaFixture.createTopics(admin(), partitions, List.of(name));
  }

  public void createTopics(int partitions, String... names) {
    KafkaFixture.createTopics(admin(), partitions, List.of(names));
  }

  public synchronized Admin admin() {
    if (admin == null) {
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
      admin = track(Admin.create(props));
    }
    return admin;
  }

  /** Byte-array serializers, idempotent, acks=all: build typed clients from these. */
  public Properties producerProperties() {
    return KafkaFixture.producerProperties(kafkaBootstrapServers());
  }

  /** Byte-array deserializers, read_committed, from the earliest offset, no auto-commit. */
  public Properties consumerProperties(String groupId) {
    return KafkaFixture.consumerProperties(kafkaBootstrapServers(), groupId);
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return track(new KafkaProducer<>(producerProperties()));
  }

  public KafkaConsumer<byte[], byte[]> consumer(String groupId) {
    return track(new KafkaConsumer<>(consumerProperties(groupId)));
  }

  /** A collector of {@code topic}'s committed records; see {@link RecordCollector}. */
  public RecordCollector collector(String topic) {
    return track(new RecordCollector(consumerProperties("unused"), topic));
  }

  /** The first {@code count} committed records of {@code topic}, or an AssertionError. */
  public List<ConsumerRecord<byte[], byte[]>> drain(String topic, int count, Duration timeout) {
    try (RecordCollector collector = new RecordCollector(consumerProperties("unused"), topic)) {
      return collector.awaitCount(count, timeout);
    }
  }

  public synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = track(DynamoFixture.client(dynamoDbEndpoint(), awsRegion()));
    }
    return dynamoDb;
  }

  /**
   * A pay-per-request table with a string hash key and a keys-only index {@code <attribute>-index}
   * on each of {@code indexedAttributes}, ACTIVE when this returns.
   */
  public void createTable(String name, String hashKey, String... indexedAttributes) {
    DynamoFixture.createTable(dynamoDb(), name, hashKey, indexedAttributes);
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        failure = failure == null ? new IllegalStateException("closing test clients", e) : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private synchronized <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  private static URI reachable(String what, String variable, URI url) {
    Reachability.require(what, variable, url);
    return url;
  }
}
