package dev.orderflow.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** A DynamoDB client for the local endpoint (dynalite) and table creation that waits for ACTIVE. */
final class DynamoFixture {
  static final Duration TABLE_WAIT = Duration.ofSeconds(30);
  static final Duration TABLE_POLL = Duration.ofMillis(200);

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

  /**
   * A pay-per-request table with a string hash key and a keys-only index {@code <attribute>-index}
   * on each of {@code indexedAttributes} (the buyers table's contact indexes, pipeline.yaml).
   */
  static void createTable(
      DynamoDbClient client, String name, String hashKey, String... indexedAttributes) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(stringAttribute(hashKey));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (String attribute : indexedAttributes) {
      attributes.add(stringAttribute(attribute));
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(attribute + "-index")
              .keySchema(hashKeyOn(attribute))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
              .build());
    }
    client.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(hashKeyOn(hashKey))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
    // As common's TableWaiters (test-support cannot depend on common, whose tests use it): the
    // SDK's waiter polls every 20 s, and dynalite keeps a new table CREATING for half a second.
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                w ->
                    w.backoffStrategyV2(BackoffStrategy.fixedDelay(TABLE_POLL))
                        .waitTimeout(TABLE_WAIT)
                        .maxAttempts((int) TABLE_WAIT.dividedBy(TABLE_POLL)))
            .build()) {
      waiter
          .waitUntilTableExists(b -> b.tableName(name))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new IllegalStateException("table " + name + " did not become ACTIVE", e);
              });
    }
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement hashKeyOn(String attribute) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
  }
}
