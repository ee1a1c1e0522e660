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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the AWS clients every service uses, from {@link AwsConfig}: the JDK's URL connection (no
 * Netty or Apache pool to ship), the standard retry mode, and bounded call times so a dead endpoint
 * fails a call instead of hanging a consumer. With an endpoint override (dynalite, the local
 * Secrets server) and no real credentials around, dummy static credentials are used: local
 * stand-ins only check that a SigV4 header is present.
 */
public final class AwsClients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);

  private final AwsConfig config;

  public AwsClients(AwsConfig config) {
    this.config = config;
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), config.dynamoDbEndpoint()).build();
  }

  public SecretsManagerClient secretsManager() {
    return configure(SecretsManagerClient.builder(), config.secretsManagerEndpoint()).build();
  }

  private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
      B builder, Optional<URI> endpoint) {
    builder
        .region(Region.of(config.region()))
        .credentialsProvider(credentials())
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
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
