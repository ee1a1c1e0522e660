package dev.orderflow.common.config;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS region and endpoint overrides. The keys are named so that the standard AWS variables override
 * them: {@code aws.region} ↔ {@code AWS_REGION}, {@code aws.endpoint.url} ↔ {@code
 * AWS_ENDPOINT_URL}, {@code aws.endpoint.url.secrets.manager} ↔ {@code
 * AWS_ENDPOINT_URL_SECRETS_MANAGER}, {@code aws.endpoint.url.dynamodb} ↔ {@code
 * AWS_ENDPOINT_URL_DYNAMODB}. A service-specific override beats the general one; with none, the SDK
 * uses the region's real endpoint.
 */
public record AwsConfig(
    String region,
    Optional<URI> endpointOverride,
    Optional<URI> secretsEndpointOverride,
    Optional<URI> dynamoDbEndpointOverride) {
  public static final String REGION = "aws.region";
  public static final String ENDPOINT = "aws.endpoint.url";
  public static final String SECRETS_ENDPOINT = "aws.endpoint.url.secrets.manager";
  public static final String DYNAMODB_ENDPOINT = "aws.endpoint.url.dynamodb";

  private static final Pattern REGION_FORM = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  public AwsConfig {
    if (region == null || !REGION_FORM.matcher(region).matches()) {
      throw new ConfigException(REGION, "an AWS region such as eu-west-1", String.valueOf(region));
    }
  }

  /** Real AWS endpoints in {@code region}. */
  public static AwsConfig of(String region) {
    return new AwsConfig(region, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static AwsConfig from(ConfigSource source) {
    return new AwsConfig(
        source.find(REGION).orElse(""),
        source.uri(ENDPOINT),
        source.uri(SECRETS_ENDPOINT),
        source.uri(DYNAMODB_ENDPOINT));
  }

  public Optional<URI> dynamoDbEndpoint() {
    return dynamoDbEndpointOverride.or(() -> endpointOverride);
  }

  public Optional<URI> secretsManagerEndpoint() {
    return secretsEndpointOverride.or(() -> endpointOverride);
  }

  /** Any override means a local stand-in (dynalite, the local Secrets server), not AWS. */
  public boolean isLocal() {
    return endpointOverride.isPresent()
        || secretsEndpointOverride.isPresent()
        || dynamoDbEndpointOverride.isPresent();
  }
}
