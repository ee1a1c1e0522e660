package dev.orderflow.testsupport;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The stack's addresses, each from a system property or environment variable of the same name
 * (system property first) or the local stack's default (dev/lib/env.sh).
 */
record StackSettings(
    Optional<String> kafkaBootstrapServers,
    Optional<KafkaMode> kafkaModeOverride,
    URI registryUrl,
    URI dynamoDbEndpoint,
    URI secretsEndpoint,
    URI metaGraphUrl,
    String awsRegion) {
  static final String KAFKA_MODE_PROPERTY = "orderflow.test.kafka";
  static final String STACK_KAFKA_DEFAULT = "127.0.0.1:9092";

  static StackSettings fromSystem() {
    return from(System.getProperties()::getProperty, System.getenv());
  }

  static StackSettings from(Function<String, String> systemProperties, Map<String, String> env) {
    Function<String, Optional<String>> lookup =
        name ->
            Optional.ofNullable(systemProperties.apply(name))
                .or(() -> Optional.ofNullable(env.get(name)))
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    return new StackSettings(
        lookup.apply("KAFKA_BOOTSTRAP_SERVERS"),
        lookup.apply(KAFKA_MODE_PROPERTY).map(KafkaMode::parse),
        URI.create(
            lookup.apply("SCHEMA_REGISTRY_URL").orElse("http://127.0.0.1:8081/apis/ccompat/v7")),
        URI.create(lookup.apply("AWS_ENDPOINT_URL").orElse("http://127.0.0.1:4567")),
        URI.create(
            lookup.apply("AWS_ENDPOINT_URL_SECRETS_MANAGER").orElse("http://127.0.0.1:4584")),
        URI.create(lookup.apply("META_GRAPH_URL").orElse("http://127.0.0.1:8090")),
        lookup.apply("AWS_REGION").orElse("eu-west-1"));
  }

  /** The annotation pins the mode; else the system property; else the environment decides. */
  KafkaMode kafkaMode(KafkaMode declared, BooleanSupplier dockerAvailable) {
    if (declared != KafkaMode.AUTO) {
      return declared;
    }
    KafkaMode requested = kafkaModeOverride.orElse(KafkaMode.AUTO);
    if (requested != KafkaMode.AUTO) {
      return requested;
    }
    if (kafkaBootstrapServers.isPresent()) {
      return KafkaMode.STACK;
    }
    return dockerAvailable.getAsBoolean() ? KafkaMode.CONTAINER : KafkaMode.IN_PROCESS;
  }
}
