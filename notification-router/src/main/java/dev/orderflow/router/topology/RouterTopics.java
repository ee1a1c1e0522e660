package dev.orderflow.router.topology;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.route.Channel;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics the router reads and writes, with their serdes, built once from config. Unroutable
 * orders keep their original bytes; the dead-letter topic is written by Streams itself.
 *
 * @param platforms one output topic per channel; every channel must have one
 */
public record RouterTopics(
    Topic<String, OrderCreated> ordersCreated,
    Topic<String, byte[]> unroutable,
    Topic<byte[], byte[]> deadLetters,
    Map<Channel, Topic<String, NotificationRequested>> platforms) {
  public static final String ORDERS_CREATED = "topics.orders-created";
  public static final String UNROUTABLE = "topics.unroutable";
  public static final String DEAD_LETTERS = "topics.dead-letters";

  public RouterTopics {
    Objects.requireNonNull(ordersCreated, "ordersCreated");
    Objects.requireNonNull(unroutable, "unroutable");
    Objects.requireNonNull(deadLetters, "deadLetters");
    platforms = new EnumMap<>(platforms);
    for (Channel channel : Channel.values()) {
      if (!platforms.containsKey(channel)) {
        throw new IllegalArgumentException("no output topic configured for " + channel);
      }
    }
  }

  /** The topics named in config ({@code topics.*}), or their defaults, with these value serdes. */
  public static RouterTopics from(
      ConfigSource config,
      Serde<OrderCreated> orderCreated,
      Serde<NotificationRequested> notification) {
    Map<Channel, Topic<String, NotificationRequested>> platforms = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      platforms.put(
          channel,
          Topic.fromConfig(
              config, platformKey(channel), channel.defaultTopic(), Serdes.String(), notification));
    }
    return new RouterTopics(
        Topic.fromConfig(
            config, ORDERS_CREATED, TopicNames.ORDERS_CREATED, Serdes.String(), orderCreated),
        Topic.fromConfig(
            config, UNROUTABLE, TopicNames.NOTIFY_UNROUTABLE, Serdes.String(), Serdes.ByteArray()),
        Topic.fromConfig(
            config,
            DEAD_LETTERS,
            TopicNames.ROUTER_DEAD_LETTERS,
            Serdes.ByteArray(),
            Serdes.ByteArray()),
        platforms);
  }

  /** As {@link #from(ConfigSource, Serde, Serde)}, with Avro serdes over one registry client. */
  public static RouterTopics from(
      ConfigSource config, SchemaRegistry registry, AvroSerdeConfig serdeConfig) {
    return from(
        config,
        new AvroSerde<>(registry, serdeConfig, OrderCreated.class),
        new AvroSerde<>(registry, serdeConfig, NotificationRequested.class));
  }

  /** {@code topics.notify.<platform>}. */
  public static String platformKey(Channel channel) {
    return "topics.notify." + channel.id();
  }

  public Topic<String, NotificationRequested> platform(Channel channel) {
    return platforms.get(channel);
  }

  /** Every topic's name, the input first. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    names.add(ordersCreated.name());
    platforms.values().forEach(t -> names.add(t.name()));
    names.add(unroutable.name());
    names.add(deadLetters.name());
    return names;
  }
}
