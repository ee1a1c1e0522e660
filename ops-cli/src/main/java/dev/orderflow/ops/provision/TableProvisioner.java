package dev.orderflow.ops.provision;

import dev.orderflow.common.aws.TableWaiters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates missing DynamoDB tables and global secondary indexes (waiting until active) and turns on
 * their TTL.
 */
final class TableProvisioner {
  private static final Duration POLL = TableWaiters.POLL;
  // 600 polls, as before: a real table can take minutes with its indexes.
  private static final Duration TABLE_ACTIVE = POLL.multipliedBy(600);
  private static final Duration INDEX_LIMIT = Duration.ofMinutes(5);
  private static final Projection KEYS_ONLY =
      Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
  private static final ProvisionedThroughput EMULATOR_THROUGHPUT =
      ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build();

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
      } else {
        if (!existing.keySchema().equals(keySchema(table))) {
          report.warning(
              "table " + table.name(),
              "key schema is %s, file says %s; keys of a table cannot change"
                  .formatted(existing.keySchema(), keySchema(table)));
        }
        addMissingIndexes(table, existing);
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
    report.changed(
        "table " + table.name(),
        "create with key " + keySchema(table) + indexNames(table.indexes()));
    if (report.dryRun()) {
      return;
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(table.name())
            .keySchema(keySchema(table))
            .attributeDefinitions(attributes(table))
            .billingMode(BillingMode.PAY_PER_REQUEST);
    if (!table.indexes().isEmpty()) {
      request.globalSecondaryIndexes(
          table.indexes().stream().map(TableProvisioner::index).toList());
    }
    dynamo.createTable(request.build());
    try (DynamoDbWaiter waiter = TableWaiters.untilActive(dynamo, TABLE_ACTIVE)) {
      waiter.waitUntilTableExists(b -> b.tableName(table.name()));
    }
    awaitIndexesActive(table.name());
  }

  // One index per UpdateTable call: DynamoDB refuses several index creations in one request.
  private void addMissingIndexes(TableSpec table, TableDescription existing) {
    Set<String> present = indexNames(existing);
    for (TableSpec.IndexSpec index : table.indexes()) {
      if (present.contains(index.name())) {
        continue;
      }
      report.changed(
          "table " + table.name(), "add index " + index.name() + " on " + index.hashKey().name());
      if (report.dryRun()) {
        continue;
      }
      try {
        createIndex(table.name(), index, null);
      } catch (DynamoDbException e) {
        if (!String.valueOf(e.getMessage()).contains("provisionedThroughput")) {
          throw e;
        }
        // dynalite (the local emulator) predates on-demand capacity and wants a throughput on a new
        // index of any table; DynamoDB itself refuses one on an on-demand table, so this is only
        // ever taken against the emulator.
        createIndex(table.name(), index, EMULATOR_THROUGHPUT);
      }
      if (!indexNames(awaitIndexesActive(table.name())).contains(index.name())) {
        report.warning(
            "table " + table.name(),
            ("index %s was accepted but not created: this endpoint cannot add an index to an"
                    + " existing table (dynalite, the local emulator, cannot); recreate the table"
                    + " (locally: dev/stop.sh --reset)")
                .formatted(index.name()));
      }
    }
  }

  private void createIndex(
      String tableName, TableSpec.IndexSpec index, ProvisionedThroughput throughput) {
    dynamo.updateTable(
        b ->
            b.tableName(tableName)
                .attributeDefinitions(attribute(index.hashKey()))
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .create(
                            CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.name())
                                .keySchema(key(index.hashKey(), KeyType.HASH))
                                .projection(KEYS_ONLY)
                                .provisionedThroughput(throughput)
                                .build())
                        .build()));
  }

  /**
   * A new index is CREATING for a while (backfilling); queries on it fail until it is ACTIVE.
   * Returns the table as it is then.
   */
  private TableDescription awaitIndexesActive(String tableName) {
    long deadline = System.nanoTime() + INDEX_LIMIT.toNanos();
    while (true) {
      TableDescription table = dynamo.describeTable(b -> b.tableName(tableName)).table();
      if (table.globalSecondaryIndexes().stream()
          .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) {
        return table;
      }
      if (System.nanoTime() > deadline) {
        throw new ProvisioningException(
            "indexes of table " + tableName + " not active within " + INDEX_LIMIT);
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  private static Set<String> indexNames(TableDescription table) {
    return table.globalSecondaryIndexes().stream()
        .map(GlobalSecondaryIndexDescription::indexName)
        .collect(Collectors.toSet());
  }

  private static GlobalSecondaryIndex index(TableSpec.IndexSpec index) {
    return GlobalSecondaryIndex.builder()
        .indexName(index.name())
        .keySchema(key(index.hashKey(), KeyType.HASH))
        .projection(KEYS_ONLY)
        .build();
  }

  private static String indexNames(List<TableSpec.IndexSpec> indexes) {
    return indexes.isEmpty()
        ? ""
        : " and indexes " + indexes.stream().map(TableSpec.IndexSpec::name).toList();
  }

  // The SDK's default waiter polls every 20 s; a new table (and dynalite's in particular) is
  // usually
  // active in well under a second.
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
    Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    List<TableSpec.KeySpec> keys = new ArrayList<>();
    keys.add(table.hashKey());
    if (table.rangeKey() != null) {
      keys.add(table.rangeKey());
    }
    table.indexes().forEach(i -> keys.add(i.hashKey()));
    keys.forEach(k -> attributes.putIfAbsent(k.name(), attribute(k)));
    return List.copyOf(attributes.values());
  }

  private static AttributeDefinition attribute(TableSpec.KeySpec key) {
    return AttributeDefinition.builder()
        .attributeName(key.name())
        .attributeType(key.type())
        .build();
  }
}
