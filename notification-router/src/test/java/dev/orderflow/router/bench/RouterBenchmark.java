package dev.orderflow.router.bench;

import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.Fixtures;
import dev.orderflow.router.RouterSerdesFactory;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.BuyerItem;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.buyer.DirectoryResilience;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.buyer.ResilientBuyerDirectory;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RecheckSettings;
import dev.orderflow.router.topology.RouterMetrics;
import dev.orderflow.router.topology.RouterSerdes;
import dev.orderflow.router.topology.RouterStreamsConfig;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.RouterTopology;
import dev.orderflow.router.topology.TopologySettings;
import dev.orderflow.schema.OrderCreated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
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

/**
 * Routed orders per second with a cold and a warm buyer cache, next to a passthrough topology
 * (bytes in, bytes out, exactly-once) measured in the same run on the same broker. Each rate counts
 * from the first committed output to the last, so start-up and rebalancing are left out.
 *
 * <p>{@code bench/router-benchmark.sh [orders] [buyers]}; needs the local stack (dev/start.sh).
 */
public final class RouterBenchmark {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  private final String bootstrap;
  private final String registryUrl;
  private final URI dynamoEndpoint;
  private final String runId = "bench-" + System.currentTimeMillis();

  private RouterBenchmark(Map<String, String> env) {
    bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    registryUrl = env.getOrDefault("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
    dynamoEndpoint = URI.create(env.getOrDefault("AWS_ENDPOINT_URL", "http://127.0.0.1:4567"));
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int buyers = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    new RouterBenchmark(System.getenv()).run(orders, buyers);
  }

  private void run(int orders, int buyers) throws Exception {
    RouterTopics cold = topics("cold");
    RouterTopics warm = topics("warm");
    String table = runId + ".buyers";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        DynamoDbClient dynamo = dynamo()) {
      createTopics(admin, cold, warm);
      createTable(dynamo, table, buyers);
      SchemaRegistryClient registry = new SchemaRegistryClient(registryUrl);
      RouterSerdes serdes = RouterSerdesFactory.create(registry, registryUrl, true);
      long produceStart = System.nanoTime();
      produce(cold.ordersCreated(), serdes, orders, buyers);
      double produceRate = orders / seconds(System.nanoTime() - produceStart);

      double passthroughFirst = passthrough(cold, orders, "passthrough-1");
      CachedBuyerDirectory directory =
          new CachedBuyerDirectory(
              new ResilientBuyerDirectory(
                  new DynamoBuyerDirectory(dynamo, table), DirectoryResilience.defaults()),
              BuyerCacheSettings.defaults());
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      directory.bindTo(meters);
      // Each run writes its own topics, so the counter sees only that run's output.
      double coldRate =
          measure(
              router(cold, directory, serdes, meters),
              cold,
              outputsOf(cold),
              orders,
              "router-cold");
      String coldCache = cacheStats(meters);
      double warmRate =
          measure(
              router(warm, directory, serdes, meters),
              warm,
              outputsOf(warm),
              orders,
              "router-warm");
      // Measured again last, with the JVM as warm as for the routers.
      double passthrough = passthrough(cold, orders, "passthrough-2");

      System.out.printf(
          Locale.ROOT,
          "%nrouter benchmark: %d orders, %d buyers, 2 partitions, exactly_once_v2%n",
          orders,
          buyers);
      System.out.printf(
          Locale.ROOT, "  producer (Avro, registry)      %,10.0f records/s%n", produceRate);
      System.out.printf(
          Locale.ROOT,
          "  passthrough topology           %,10.0f records/s  (first run: %,.0f)%n",
          passthrough,
          passthroughFirst);
      System.out.printf(
          Locale.ROOT,
          "  router, cold buyer cache       %,10.0f orders/s  (%s)%n",
          coldRate,
          coldCache);
      System.out.printf(
          Locale.ROOT,
          "  router, warm buyer cache       %,10.0f orders/s  (%s)%n",
          warmRate,
          cacheStats(meters));
      System.out.printf(
          Locale.ROOT,
          "  warm router / passthrough      %10.0f %%%n",
          100 * warmRate / passthrough);
    }
  }

  private double measure(
      Topology topology, RouterTopics topics, Set<String> outputs, int expected, String name)
      throws Exception {
    Path state = Files.createTempDirectory(runId);
    Properties props = new Properties();
    Map<String, Object> base = new HashMap<>();
    base.put(StreamsConfig.APPLICATION_ID_CONFIG, runId + "." + name);
    base.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    base.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    base.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.putAll(RouterStreamsConfig.properties(base, topics));
    try (KafkaStreams streams = new KafkaStreams(topology, props);
        KafkaConsumer<byte[], byte[]> counter = counter(outputs)) {
      streams.start();
      long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
      long first = 0;
      int firstCount = 0;
      int count = 0;
      while (count < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              name + ": only " + count + " of " + expected + " in " + RUN_LIMIT);
        }
        count += counter.poll(Duration.ofMillis(100)).count();
        if (first == 0 && count > 0) {
          first = System.nanoTime();
          firstCount = count;
        }
      }
      double rate = (count - firstCount) / seconds(System.nanoTime() - first);
      streams.close(Duration.ofSeconds(30));
      return rate;
    }
  }

  private double passthrough(RouterTopics topics, int orders, String name) throws Exception {
    String output = runId + "." + name;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(output, Optional.of(2), Optional.empty())))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    return measure(
        passthrough(topics.ordersCreated(), output), topics, Set.of(output), orders, name);
  }

  private KafkaConsumer<byte[], byte[]> counter(Set<String> topics) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, runId + ".counter." + System.nanoTime());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return consumer;
  }

  private Topology passthrough(String input, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source"))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sink"));
    return builder.build();
  }

  private Topology router(
      RouterTopics topics,
      CachedBuyerDirectory directory,
      RouterSerdes serdes,
      SimpleMeterRegistry meters) {
    TopologySettings settings =
        new TopologySettings(topics, RecheckSettings.defaults(), RenderSettings.defaults());
    return RouterTopology.build(settings, directory, serdes, new RouterMetrics(meters));
  }

  private void produce(String topic, RouterSerdes serdes, int orders, int buyers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    try (KafkaProducer<String, OrderCreated> producer =
        new KafkaProducer<>(props, new StringSerializer(), serdes.orderCreated().serializer())) {
      for (int i = 0; i < orders; i++) {
        String orderId = "v:bench-" + i;
        producer.send(
            new ProducerRecord<>(topic, orderId, Fixtures.order(orderId, "b-" + (i % buyers))));
      }
      producer.flush();
    }
  }

  /** One shared input; outputs per run. */
  private RouterTopics topics(String run) {
    Map<Channel, String> platforms = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      platforms.put(channel, runId + "." + run + ".notify." + channel.id());
    }
    return new RouterTopics(
        runId + ".orders",
        runId + "." + run + ".unroutable",
        runId + "." + run + ".dlq",
        platforms);
  }

  private static Set<String> outputsOf(RouterTopics topics) {
    return Set.copyOf(topics.platforms().values());
  }

  private void createTopics(Admin admin, RouterTopics cold, RouterTopics warm) throws Exception {
    List<String> names = new ArrayList<>();
    for (RouterTopics topics : List.of(cold, warm)) {
      names.addAll(topics.platforms().values());
      names.addAll(List.of(topics.unroutable(), topics.deadLetters()));
    }
    names.add(cold.ordersCreated());
    admin
        .createTopics(
            names.stream().map(n -> new NewTopic(n, Optional.of(2), Optional.empty())).toList())
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  private DynamoDbClient dynamo() {
    return DynamoDbClient.builder()
        .endpointOverride(dynamoEndpoint)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private void createTable(DynamoDbClient dynamo, String table, int buyers) {
    dynamo.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(BuyerItem.BUYER_ID)
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(BuyerItem.BUYER_ID)
                        .keyType(KeyType.HASH)
                        .build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    List<Buyer> all = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      all.add(
          i % 2 == 0
              ? Fixtures.whatsappBuyer("b-" + i, "pcm-NG")
              : Fixtures.instagramBuyer("b-" + i, "en-NG"));
    }
    new BuyersTable(dynamo, table).putAll(all);
  }

  private static String cacheStats(SimpleMeterRegistry meters) {
    double hits = meters.get("cache.gets").tag("result", "hit").functionCounter().count();
    double misses = meters.get("cache.gets").tag("result", "miss").functionCounter().count();
    return String.format(Locale.ROOT, "cache hits %.0f, misses %.0f so far", hits, misses);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
