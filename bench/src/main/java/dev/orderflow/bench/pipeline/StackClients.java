package dev.orderflow.bench.pipeline;

import dev.orderflow.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Clients of the stack's Kafka, DynamoDB and Secrets Manager, closed together. */
public final class StackClients implements AutoCloseable {
  /**
   * Like a vendor's producer: the pipeline's (idempotent, acks=all, lz4), with shorter batching for
   * low latency and more patience, since a load run may fill the broker's queues.
   */
  private static final Map<String, String> LOAD_PRODUCER =
      Map.of(
          ProducerConfig.LINGER_MS_CONFIG, "5",
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000",
          ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");

  private final StackAddresses stack;
  private final KafkaSettings kafka;
  private final Admin admin;
  private final DynamoDbClient dynamoDb;
  private final SecretsManagerClient secrets;

  public StackClients(StackAddresses stack) {
    this.stack = stack;
    this.kafka = stack.kafkaSettings();
    this.admin = Admin.create(kafka.admin("bench"));
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    UrlConnectionHttpClient.Builder http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10));
    this.dynamoDb =
        DynamoDbClient.builder()
            .endpointOverride(stack.dynamoDbEndpoint())
            .region(Region.of(stack.awsRegion()))
            .credentialsProvider(credentials)
            .httpClientBuilder(http)
            .build();
    this.secrets =
        SecretsManagerClient.builder()
            .endpointOverride(stack.secretsEndpoint())
            .region(Region.of(stack.awsRegion()))
            .credentialsProvider(credentials)
            .httpClientBuilder(http)
            .build();
  }

  public StackAddresses stack() {
    return stack;
  }

  public KafkaSettings kafka() {
    return kafka;
  }

  public Admin admin() {
    return admin;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SecretsManagerClient secrets() {
    return secrets;
  }

  /** A load producer: common's settings with {@link #LOAD_PRODUCER} as this client's defaults. */
  public KafkaProducer<byte[], byte[]> producer(String clientId) {
    return new KafkaProducer<>(
        kafka.producer(clientId, LOAD_PRODUCER),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    dynamoDb.close();
    secrets.close();
  }
}
