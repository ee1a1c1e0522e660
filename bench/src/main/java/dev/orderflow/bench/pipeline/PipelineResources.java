package dev.orderflow.bench.pipeline;

import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.common.aws.TableWaiters;
import dev.orderflow.devservers.meta.SimulatorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Creates a run's own topics, tables and credentials secret (what dev/start.sh provisions for the
 * standard names), seeds buyers, and removes the topics and tables again.
 */
public final class PipelineResources {
  private static final Logger LOGGER = LoggerFactory.getLogger(PipelineResources.class);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int BATCH = 25;

  private final StackClients clients;

  public PipelineResources(StackClients clients) {
    this.clients = clients;
  }

  public void create(PipelineNames names, int flowPartitions) {
    createTopics(names.flowTopics(), flowPartitions);
    createTopics(names.sideTopics(), 3);
    // The router finds buyers by contact (inbound messages) through these, as pipeline.yaml has it.
    createTable(names.buyersTable(), "buyerId", "whatsappPhone", "instagramScopedId");
    createTable(names.ledgerTable(), "notificationId");
    putSecret(names.secretName(), simulatorCredentials());
  }

  /** The JSON of the credentials secret matching a simulator with its default settings. */
  public static String simulatorCredentials() {
    return credentials(
        SimulatorSettings.DEFAULT_WHATSAPP_TOKEN, SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN);
  }

  /** The secret's JSON with these tokens and the simulator's default account ids. */
  public static String credentials(String whatsappToken, String instagramToken) {
    return """
        {"whatsappToken":"%s","whatsappPhoneNumberId":"%s",\
        "instagramToken":"%s","instagramAccountId":"%s"}"""
        .formatted(
            whatsappToken,
            SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
            instagramToken,
            SimulatorSettings.DEFAULT_INSTAGRAM_ID);
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

  public void createTopics(Collection<String> topics, int partitions) {
    List<NewTopic> newTopics = new ArrayList<>();
    topics.forEach(t -> newTopics.add(new NewTopic(t, Optional.of(partitions), Optional.empty())));
    try {
      clients.admin().createTopics(newTopics).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topics " + topics, e);
      }
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("could not create topics " + topics, e);
    }
  }

  /** A table keyed by {@code hashKey}, with a keys-only index {@code <attribute>-index} on each. */
  public void createTable(String table, String hashKey, String... indexedAttributes) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    attributes.add(stringAttribute(hashKey));
    for (String attribute : indexedAttributes) {
      attributes.add(stringAttribute(attribute));
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(attribute + "-index")
              .keySchema(hashKeyOn(attribute))
              .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
              .build());
    }
    try {
      clients
          .dynamoDb()
          .createTable(
              b ->
                  b.tableName(table)
                      .billingMode(BillingMode.PAY_PER_REQUEST)
                      .attributeDefinitions(attributes)
                      .keySchema(hashKeyOn(hashKey))
                      .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes));
    } catch (ResourceInUseException e) {
      LOGGER.debug("table {} exists", table);
    }
    try (var waiter = TableWaiters.untilActive(clients.dynamoDb(), WAIT)) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    }
  }

  /** Creates the secret, or gives it a new current version when it exists. */
  public void putSecret(String name, String json) {
    try {
      clients.secrets().createSecret(b -> b.name(name).secretString(json));
    } catch (ResourceExistsException e) {
      clients.secrets().putSecretValue(b -> b.secretId(name).secretString(json));
    }
  }

  /**
   * Writes the buyers as the registration flow would, 25 to a batch; writing one again overwrites
   * it, so seeding twice is harmless.
   */
  public void seedBuyers(String table, List<BuyerProfile> buyers) {
    long started = System.nanoTime();
    List<List<BuyerProfile>> batches = new ArrayList<>();
    for (int from = 0; from < buyers.size(); from += BATCH) {
      batches.add(buyers.subList(from, Math.min(buyers.size(), from + BATCH)));
    }
    // A few batches in flight: dynalite answers each slowly but serves several at once.
    try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
      List<Future<?>> written = new ArrayList<>();
      batches.forEach(batch -> written.add(writers.submit(() -> write(table, batch))));
      for (Future<?> done : written) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding " + table, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding " + table + " failed", e.getCause());
    }
    LOGGER.info(
        "seeded buyers={} table={} in {} ms",
        buyers.size(),
        table,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void write(String table, List<BuyerProfile> batch) {
    List<WriteRequest> writes =
        batch.stream()
            .map(b -> WriteRequest.builder().putRequest(p -> p.item(b.toItem())).build())
            .toList();
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == 10) {
        throw new IllegalStateException("DynamoDB kept refusing buyer writes to " + table);
      }
      Map<String, List<WriteRequest>> request = pending;
      pending = clients.dynamoDb().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
    }
  }

  /** Deletes the run's topics and tables; the secret is kept (local servers hold few). */
  public void delete(PipelineNames names) {
    List<String> topics = new ArrayList<>(names.flowTopics());
    topics.addAll(names.sideTopics());
    deleteTopics(topics);
    deleteTables(names);
  }

  public void deleteTopics(List<String> topics) {
    try {
      clients.admin().deleteTopics(topics).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | InterruptedException | TimeoutException e) {
      LOGGER.warn("could not delete topics {}: {}", topics, e.toString());
    }
  }

  public void deleteTables(PipelineNames names) {
    for (String table : List.of(names.buyersTable(), names.ledgerTable())) {
      try {
        clients.dynamoDb().deleteTable(b -> b.tableName(table));
      } catch (ResourceNotFoundException e) {
        LOGGER.debug("table {} already gone", table);
      }
    }
  }
}
