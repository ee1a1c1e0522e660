package dev.orderflow.bench.pipeline;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Where the local stack listens: the variables dev/lib/env.sh exports, or their defaults. */
public record StackAddresses(
    String kafkaBootstrapServers,
    URI registryUrl,
    URI dynamoDbEndpoint,
    URI secretsEndpoint,
    URI metaGraphUrl,
    String awsRegion) {

  public static StackAddresses fromEnvironment() {
    return from(System.getenv());
  }

  static StackAddresses from(Map<String, String> env) {
    return new StackAddresses(
        value(env, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        URI.create(value(env, "SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7")),
        URI.create(value(env, "AWS_ENDPOINT_URL", "http://127.0.0.1:4567")),
        URI.create(value(env, "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584")),
        URI.create(value(env, "META_GRAPH_URL", "http://127.0.0.1:8090")),
        value(env, "AWS_REGION", "eu-west-1"));
  }

  /** Kafka client settings for the stack's brokers: see {@link #kafkaSettings(String)}. */
  public KafkaSettings kafkaSettings() {
    return kafkaSettings(kafkaBootstrapServers);
  }

  /**
   * Common's {@link KafkaSettings} for {@code bootstrapServers}, the way a service builds its own:
   * TLS, SASL and per-client overrides from the environment ({@code KAFKA_SECURITY_PROTOCOL},
   * {@code KAFKA_SASL_*}, {@code KAFKA_PRODUCER_*} …), the servers from here.
   */
  public static KafkaSettings kafkaSettings(String bootstrapServers) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("KAFKA_BOOTSTRAP_SERVERS");
    Map<String, String> servers = Map.of(KafkaConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    return new KafkaSettings(KafkaConfig.from(ConfigSource.of(servers, env)));
  }

  public StackAddresses withKafka(String bootstrapServers) {
    return new StackAddresses(
        bootstrapServers, registryUrl, dynamoDbEndpoint, secretsEndpoint, metaGraphUrl, awsRegion);
  }

  public StackAddresses withMetaGraphUrl(URI url) {
    return new StackAddresses(
        kafkaBootstrapServers, registryUrl, dynamoDbEndpoint, secretsEndpoint, url, awsRegion);
  }

  /**
   * The variables every service reads for the stack's addresses, under the local profile (http to
   * the simulator, the local secret), with the static credentials only the local stack takes.
   */
  public Map<String, String> asEnvironment() {
    return Map.of(
        "ORDERFLOW_PROFILE",
        "local",
        "KAFKA_BOOTSTRAP_SERVERS",
        kafkaBootstrapServers,
        "SCHEMA_REGISTRY_URL",
        registryUrl.toString(),
        "AWS_ENDPOINT_URL",
        dynamoDbEndpoint.toString(),
        "AWS_ENDPOINT_URL_DYNAMODB",
        dynamoDbEndpoint.toString(),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER",
        secretsEndpoint.toString(),
        "META_GRAPH_URL",
        metaGraphUrl.toString(),
        "AWS_REGION",
        awsRegion,
        "AWS_ACCESS_KEY_ID",
        "local",
        "AWS_SECRET_ACCESS_KEY",
        "local");
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
