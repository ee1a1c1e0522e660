package dev.orderflow.router;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.ops.LagAge;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroDeserializer;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.buyer.ResilientBuyerDirectory;
import dev.orderflow.router.inbound.BuyerInboundRecorder;
import dev.orderflow.router.inbound.InboundConsumer;
import dev.orderflow.router.inbound.InboundSettings;
import dev.orderflow.router.topology.RouterMetrics;
import dev.orderflow.router.topology.RouterStreamsConfig;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.RouterTopology;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the router: DynamoDB directory (retrying, circuit-broken, cached), the topology, Kafka
 * Streams with exactly-once, metrics and health. A stream thread that dies (e.g. DynamoDB stayed
 * down past the retries) is replaced and resumes its tasks from the last committed offsets.
 */
final class NotificationRouterService implements Service {
  private static final Logger LOGGER = LoggerFactory.getLogger(NotificationRouterService.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** Between attempts at an inbound message while DynamoDB or the registry is away. */
  private static final Backoff INBOUND_BACKOFF =
      Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.5);

  private final KafkaStreams streams;
  private final DynamoDbClient dynamo;
  private final InboundConsumer inbound;

  private NotificationRouterService(
      KafkaStreams streams, DynamoDbClient dynamo, InboundConsumer inbound) {
    this.streams = streams;
    this.dynamo = dynamo;
    this.inbound = inbound;
  }

  static Service create(ServiceContext context) {
    RouterConfig config = RouterConfig.from(context.config());
    DynamoDbClient dynamo = new AwsClients(config.aws()).dynamoDb();
    ResilientBuyerDirectory resilient =
        new ResilientBuyerDirectory(
            new DynamoBuyerDirectory(dynamo, config.buyersTable()), config.resilience());
    CachedBuyerDirectory directory = new CachedBuyerDirectory(resilient, config.cache());
    var registry = context.metrics().registry();
    directory.bindTo(registry);
    Gauge.builder("router.buyer.directory.available", () -> resilient.available() ? 1 : 0)
        .description("1 while the DynamoDB circuit is closed")
        .register(registry);

    RouterTopics topics =
        RouterTopics.from(
            context.config(),
            new SchemaRegistryClient(config.registry().clientConfig()),
            AvroSerdeConfig.from(config.registry()));
    Topology topology =
        RouterTopology.build(config.topology(), topics, directory, new RouterMetrics(registry));
    context.contracts().reads(topics.ordersCreated().name(), OrderCreated.getClassSchema());
    topics.platforms().values().stream()
        .map(Topic::name)
        .distinct()
        .forEach(t -> context.contracts().writes(t, NotificationRequested.getClassSchema()));
    LagAge lagAge = new LagAge(registry, config.applicationId(), Clock.systemUTC());
    Properties props = streamsProperties(config, topics, context.instance());
    props.putAll(lagAge.streamsConfig());
    KafkaStreams streams = new KafkaStreams(topology, props);
    lagAge.readLagFrom(streams::metrics);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOGGER.error("stream thread failed, replacing it error={}", e.toString());
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    context.metrics().bind(streams);
    context.live().add("streams", () -> streams.state() != KafkaStreams.State.ERROR);
    context.ready().add("streams", () -> streams.state() == KafkaStreams.State.RUNNING);
    context.ready().add("buyer-directory", resilient::available);
    InboundConsumer inbound = null;
    if (config.inbound().enabled()) {
      context.contracts().reads(config.inbound().topic(), InboundMessage.getClassSchema());
      inbound = inboundConsumer(config, dynamo, directory, context);
      context.live().add("inbound", inbound::alive);
    }
    LOGGER.info("router built topology={}", topology.describe());
    return new NotificationRouterService(streams, dynamo, inbound);
  }

  /**
   * The inbound recorder (README, "The 24-hour window and opt-out"): its writes go to the buyers
   * table, and this instance's cache forgets the buyers it updated.
   */
  static InboundConsumer inboundConsumer(
      RouterConfig config,
      DynamoDbClient dynamo,
      CachedBuyerDirectory directory,
      ServiceContext context) {
    InboundSettings settings = config.inbound();
    Properties props =
        new KafkaSettings(config.kafka())
            .consumer(
                settings.groupId(),
                settings.groupId() + "-" + context.instance(),
                IsolationLevel.READ_COMMITTED,
                OffsetReset.EARLIEST);
    return new InboundConsumer(
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
        settings.topic(),
        new AvroDeserializer<>(AvroSerdeConfig.from(config.registry()), InboundMessage.class),
        new BuyerInboundRecorder(dynamo, config.buyersTable(), settings.keywords()),
        directory::invalidate,
        context.metrics().registry(),
        INBOUND_BACKOFF,
        Sleeper.REAL);
  }

  /**
   * Streams settings: {@code kafka.streams.*} as given (client id per instance: {@link
   * KafkaSettings#streams(String, String)}), the thread count {@link RouterConfig} settled, and the
   * router's guarantees, which config may repeat but not contradict.
   */
  static Properties streamsProperties(RouterConfig config, RouterTopics topics, String instance) {
    Properties props = new KafkaSettings(config.kafka()).streams(config.applicationId(), instance);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.putAll(RouterStreamsConfig.properties(Map.of(), topics));
    return props;
  }

  @Override
  public void start() {
    streams.start();
    if (inbound != null) {
      inbound.start();
    }
  }

  @Override
  public void stop() {
    if (inbound != null) {
      try {
        inbound.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    streams.close(CLOSE_TIMEOUT);
    dynamo.close();
  }
}
