package dev.orderflow.testsupport;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** A DynamoDB client for the local endpoint (dynalite) and table creation that waits for ACTIVE. */
final class DynamoFixture {
  static final Duration TABLE_WAIT = Duration.ofSeconds(30);

  private DynamoFixture() {}

  static DynamoDbClient client(URI endpoint, String region) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        // dynalite checks only that a SigV4 header is present.
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** A pay-per-request table with a string hash key. */
  static void createTable(DynamoDbClient client, String name, String hashKey) {
    client.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(hashKey)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(hashKey)
                        .keyType(KeyType.HASH)
                        .build()));
    try (DynamoDbWaiter waiter = client.waiter()) {
      waiter
          .waitUntilTableExists(b -> b.tableName(name), w -> w.waitTimeout(TABLE_WAIT))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new IllegalStateException("table " + name + " did not become ACTIVE", e);
              });
    }
  }
}
