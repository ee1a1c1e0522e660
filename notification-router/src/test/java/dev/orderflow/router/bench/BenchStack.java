package dev.orderflow.router.bench;

import dev.orderflow.common.aws.TableWaiters;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.Fixtures;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerItem;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.schema.OrderCreated;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The local stack as the benchmark uses it: names unique to the run, topics, buyers, orders. */
record BenchStack(String bootstrap, String registryUrl, URI dynamoEndpoint, String runId) {

  /** The services' client settings toward this broker. */
  KafkaSettings kafka() {
    return new KafkaSettings(KafkaConfig.plaintext(bootstrap));
  }

  static BenchStack fromEnvironment(Map<String, String> env) {
    return new BenchStack(
        env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        env.getOrDefault("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7"),
        URI.create(env.getOrDefault("AWS_ENDPOINT_URL", "http://127.0.0.1:4567")),
        "bench-" + System.currentTimeMillis());
  }

  /** One shared input topic; outputs of their own per run. */
  RouterTopics topics(String run, SchemaRegistry registry) {
    Map<String, String> names = new HashMap<>();
    for (Channel channel : Channel.values()) {
      names.put(RouterTopics.platformKey(channel), runId + "." + run + ".notify." + channel.id());
    }
    names.put(RouterTopics.ORDERS_CREATED, runId + ".orders");
    names.put(RouterTopics.UNROUTABLE, runId + "." + run + ".unroutable");
    names.put(RouterTopics.DEAD_LETTERS, runId + "." + run + ".dlq");
    return RouterTopics.from(
        ConfigSource.of(names, Map.of()), registry, AvroSerdeConfig.localStack(registryUrl));
  }

  void createTopics(RouterTopics topics) throws Exception {
    createTopics(topics.names());
  }

  void createTopics(Collection<String> names) throws Exception {
    try (Admin admin = Admin.create(kafka().admin("bench-admin"))) {
      List<String> existing = List.copyOf(admin.listTopics().names().get(30, TimeUnit.SECONDS));
      List<NewTopic> missing =
          names.stream()
              .filter(n -> !existing.contains(n))
              .distinct()
              .map(n -> new NewTopic(n, Optional.of(2), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    }
  }

  DynamoDbClient dynamo() {
    return DynamoDbClient.builder()
        .endpointOverride(dynamoEndpoint)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** A buyers table with {@code buyers} buyers, half on WhatsApp, half on Instagram. */
  String createBuyersTable(DynamoDbClient dynamo, int buyers) {
    String table = runId + ".buyers";
    dynamo.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName(BuyerItem.BUYER_ID).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(BuyerItem.BUYER_ID).keyType(KeyType.HASH)));
    try (var waiter = TableWaiters.untilActive(dynamo, Duration.ofSeconds(30))) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    }
    List<Buyer> all = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      all.add(
          i % 2 == 0
              ? Fixtures.whatsappBuyer("b-" + i, "pcm-NG")
              : Fixtures.instagramBuyer("b-" + i, "en-NG"));
    }
    new BuyersTable(dynamo, table).putAll(all);
    return table;
  }

  /** Produces the orders, each for buyer {@code i % buyers}; returns records per second. */
  double produce(RouterTopics topics, int orders, int buyers) {
    String topic = topics.ordersCreated().name();
    Properties props =
        kafka()
            .producer(
                "bench-loader",
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024)));
    long start = System.nanoTime();
    try (KafkaProducer<String, OrderCreated> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), topics.ordersCreated().valueSerializer())) {
      for (int i = 0; i < orders; i++) {
        String orderId = "v:bench-" + i;
        producer.send(
            new ProducerRecord<>(topic, orderId, Fixtures.order(orderId, "b-" + (i % buyers))));
      }
      producer.flush();
    }
    return orders / ((System.nanoTime() - start) / 1e9);
  }
}
