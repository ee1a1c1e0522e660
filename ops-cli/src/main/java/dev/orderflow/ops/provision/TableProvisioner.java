package dev.orderflow.ops.provision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates missing DynamoDB tables (waiting until active) and turns on their TTL. */
final class TableProvisioner {
  private static final Duration POLL = Duration.ofMillis(200);

  private final DynamoDbClient dynamo;
  private final ProvisionReport report;
  private final TimeToLive timeToLive;

  TableProvisioner(DynamoDbClient dynamo, ProvisionReport report, boolean ttlUnsupportedIsWarning) {
    this.dynamo = dynamo;
    this.report = report;
    this.timeToLive = new TimeToLive(dynamo, report, ttlUnsupportedIsWarning);
  }

  void provision(List<TableSpec> tables) {
    for (TableSpec table : tables) {
      TableDescription existing = describe(table.name());
      if (existing == null) {
        create(table);
      } else if (!existing.keySchema().equals(keySchema(table))) {
        report.warning(
            "table " + table.name(),
            "key schema is %s, file says %s; keys of a table cannot change"
                .formatted(existing.keySchema(), keySchema(table)));
      }
      if (table.ttlAttribute() != null && !(existing == null && report.dryRun())) {
        timeToLive.enable(table.name(), table.ttlAttribute());
      }
    }
  }

  private TableDescription describe(String name) {
    try {
      return dynamo.describeTable(b -> b.tableName(name)).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private void create(TableSpec table) {
    report.changed("table " + table.name(), "create with key " + keySchema(table));
    if (report.dryRun()) {
      return;
    }
    dynamo.createTable(
        CreateTableRequest.builder()
            .tableName(table.name())
            .keySchema(keySchema(table))
            .attributeDefinitions(attributes(table))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .build());
    try (DynamoDbWaiter waiter = activeTableWaiter()) {
      waiter.waitUntilTableExists(b -> b.tableName(table.name()));
    }
  }

  // The SDK's default waiter polls every 20 s; a new table (and dynalite's in particular) is
  // usually
  // active in well under a second.
  private DynamoDbWaiter activeTableWaiter() {
    return DynamoDbWaiter.builder()
        .client(dynamo)
        .overrideConfiguration(
            w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(POLL)).maxAttempts(600))
        .build();
  }

  private static List<KeySchemaElement> keySchema(TableSpec table) {
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(key(table.hashKey(), KeyType.HASH));
    if (table.rangeKey() != null) {
      keys.add(key(table.rangeKey(), KeyType.RANGE));
    }
    return keys;
  }

  private static KeySchemaElement key(TableSpec.KeySpec key, KeyType type) {
    return KeySchemaElement.builder().attributeName(key.name()).keyType(type).build();
  }

  private static List<AttributeDefinition> attributes(TableSpec table) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(attribute(table.hashKey()));
    if (table.rangeKey() != null) {
      attributes.add(attribute(table.rangeKey()));
    }
    return attributes;
  }

  private static AttributeDefinition attribute(TableSpec.KeySpec key) {
    return AttributeDefinition.builder()
        .attributeName(key.name())
        .attributeType(key.type())
        .build();
  }
}
