package dev.orderflow.common.aws;

import dev.orderflow.common.config.AwsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the AWS clients every service uses, from {@link AwsConfig}: Apache HttpClient 5 with a
 * connection pool sized by the caller to its concurrency (a sender's in-flight limit: every send
 * makes ledger calls, and a pool smaller than that queues them behind each other, while the
 * URL-connection client reconnected whatever did not fit in its 5 idle connections), the standard
 * retry mode, and bounded call times so a dead endpoint fails a call instead of hanging a consumer.
 * With an endpoint override (dynalite, the local Secrets server) and no real credentials around,
 * dummy static credentials are used: local stand-ins only check that a SigV4 header is present.
 */
public final class AwsClients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);

  /** The pool for a client with no concurrency of its own to speak of (tools, start-up reads). */
  public static final int DEFAULT_MAX_CONNECTIONS = 50;

  private final AwsConfig config;

  public AwsClients(AwsConfig config) {
    this.config = config;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb(DEFAULT_MAX_CONNECTIONS);
  }

  /** DynamoDB with up to {@code maxConnections} pooled connections: the caller's concurrency. */
  public DynamoDbClient dynamoDb(int maxConnections) {
    return configure(DynamoDbClient.builder(), config.dynamoDbEndpoint(), maxConnections).build();
  }

  public SecretsManagerClient secretsManager() {
    return configure(
            SecretsManagerClient.builder(),
            config.secretsManagerEndpoint(),
            DEFAULT_MAX_CONNECTIONS)
        .build();
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
      B builder, Optional<URI> endpoint, int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: expected >= 1, got " + maxConnections);
    }
    builder
        .region(Region.of(config.region()))
        .credentialsProvider(credentials())
        .httpClientBuilder(
            Apache5HttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    DefaultCredentialsProvider real = DefaultCredentialsProvider.builder().build();
    if (!config.isLocal()) {
      return real;
    }
    return AwsCredentialsProviderChain.of(
        real, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
  }
}
