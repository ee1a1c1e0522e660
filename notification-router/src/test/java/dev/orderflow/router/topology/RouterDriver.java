package dev.orderflow.router.topology;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.route.Channel;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** The router's topology in TopologyTestDriver, configured exactly as main configures it. */
final class RouterDriver implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration RECHECK_DELAY = Duration.ofSeconds(2);

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final RouterTopics topics;
  final Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, OrderCreated> orders;
  final TestInputTopic<String, byte[]> rawOrders;
  final TestOutputTopic<String, NotificationRequested> whatsapp;
  final TestOutputTopic<String, NotificationRequested> instagram;
  final TestOutputTopic<String, byte[]> unroutable;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  final Serde<OrderCreated> orderSerde;

  RouterDriver(BuyerDirectory directory, Path stateDir) {
    this(directory, stateDir, StreamsConfig.EXACTLY_ONCE_V2, productionTopics());
  }

  RouterDriver(BuyerDirectory directory, Path stateDir, String guarantee) {
    this(directory, stateDir, guarantee, productionTopics());
  }

  RouterDriver(BuyerDirectory directory, Path stateDir, String guarantee, RouterTopics topics) {
    this(directory, stateDir, guarantee, topics, UNBATCHED);
  }

  /**
   * One order per look-up, so a test sees each order's outcome as soon as it is piped in; the
   * batching tests pass their own.
   */
  static final BatchSettings UNBATCHED = new BatchSettings(1, Duration.ofMillis(50), 100);

  RouterDriver(
      BuyerDirectory directory,
      Path stateDir,
      String guarantee,
      RouterTopics topics,
      BatchSettings batch) {
    this.topics = topics;
    this.orderSerde = topics.ordersCreated().valueSerde();
    TopologySettings settings =
        new TopologySettings(
            new RecheckSettings(RECHECK_DELAY, Duration.ofMillis(100)),
            RenderSettings.defaults(),
            batch);
    topology = RouterTopology.build(settings, topics, directory, new RouterMetrics(registry));
    Map<String, Object> base = new HashMap<>();
    base.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-router-test");
    base.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    base.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    Properties props = new Properties();
    props.putAll(RouterStreamsConfig.properties(base, topics));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    driver = new TopologyTestDriver(topology, props, START);
    orders =
        driver.createInputTopic(
            topics.ordersCreated().name(), new StringSerializer(), orderSerde.serializer());
    rawOrders =
        driver.createInputTopic(
            topics.ordersCreated().name(), new StringSerializer(), new ByteArraySerializer());
    whatsapp = output(topics.platform(Channel.WHATSAPP));
    instagram = output(topics.platform(Channel.INSTAGRAM));
    unroutable =
        driver.createOutputTopic(
            topics.unroutable().name(), new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** No {@code topics.*} config: the default names. */
  static final ConfigSource DEFAULT_NAMES = ConfigSource.of(Map.of(), Map.of());

  /**
   * The default topics with the production serdes over an in-memory registry: real Confluent wire
   * format, no server.
   */
  static RouterTopics productionTopics() {
    return RouterTopics.from(
        DEFAULT_NAMES,
        new InMemorySchemaRegistry(),
        AvroSerdeConfig.localStack("http://registry.invalid"));
  }

  private TestOutputTopic<String, NotificationRequested> output(
      Topic<String, NotificationRequested> topic) {
    return driver.createOutputTopic(
        topic.name(), new StringDeserializer(), topic.valueDeserializer());
  }

  byte[] bytesOf(OrderCreated order) {
    return orderSerde.serializer().serialize(topics.ordersCreated().name(), order);
  }

  double counter(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  @Override
  public void close() {
    driver.close();
  }
}
