package dev.orderflow.sender.it;

import java.net.URI;
import java.util.UUID;
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
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** AWS SDK clients for the local stack (dynalite, local Secrets Manager), from dev/lib/env.sh. */
public final class LocalAws {
  private LocalAws() {}

  public static DynamoDbClient dynamo() {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(env("AWS_ENDPOINT_URL", "http://127.0.0.1:4567")))
        .region(Region.of(env("AWS_REGION", "eu-west-1")))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  public static SecretsManagerClient secrets() {
    return SecretsManagerClient.builder()
        .endpointOverride(
            URI.create(env("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584")))
        .region(Region.of(env("AWS_REGION", "eu-west-1")))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** Creates a ledger table with a unique name, as provisioning would. */
  public static String createLedgerTable(DynamoDbClient dynamo) {
    String table = "ledger-it-" + UUID.randomUUID();
    dynamo.createTable(
        r ->
            r.tableName(table)
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName("notificationId")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("notificationId")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
    // The SDK's waiter polls every 20 s; dynalite is ready in well under a second.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus()
        != TableStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + table + " not ACTIVE after 10 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return table;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
