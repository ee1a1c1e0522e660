package dev.orderflow.router.topology;

import dev.orderflow.common.kafka.Topic;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.route.Route;
import dev.orderflow.router.route.RouteDecider;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * orders.created.v1 → buyer look-up and route → notify.&lt;platform&gt;.v1 (keyed by buyer) or
 * notify.unroutable.v1 (keyed by order, original bytes, reason headers). A pure function of its
 * inputs: tests build it as production does and run it in TopologyTestDriver.
 */
public final class RouterTopology {
  public static final String PENDING_STORE = "pending-buyer-rechecks";
  public static final String BATCH_STORE = "buyer-lookup-batch";

  /** What the routing processor needs, built once per topology. */
  record Parts(
      RouterTopics topics,
      RecheckSettings recheck,
      BatchSettings batch,
      BuyerDirectory directory,
      RouterMetrics metrics) {}

  private RouterTopology() {}

  public static Topology build(
      TopologySettings settings,
      RouterTopics topics,
      BuyerDirectory directory,
      RouterMetrics metrics) {
    Parts parts = new Parts(topics, settings.recheck(), settings.batch(), directory, metrics);
    Topic<String, OrderCreated> ordersCreated = topics.ordersCreated();
    ReceivedSerde<OrderCreated> orders = new ReceivedSerde<>(ordersCreated.valueDeserializer());
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING_STORE),
            Serdes.String(),
            new PendingOrderSerde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BATCH_STORE), Serdes.String(), new PendingOrderSerde()));

    KStream<String, RoutedOrder> routed =
        builder.stream(
                ordersCreated.name(),
                Consumed.with(ordersCreated.keySerde(), orders).withName("orders-created"))
            .process(
                () ->
                    new RoutingProcessor(
                        parts, new RouteDecider(settings.render()), orders.deserializer()),
                Named.as("route-order"),
                PENDING_STORE,
                BATCH_STORE);

    routed
        .split(Named.as("route-"))
        .branch(
            (orderId, order) -> order.toPlatform(),
            Branched.withConsumer(toPlatform -> toPlatforms(toPlatform, topics), "to-platform"))
        .defaultBranch(
            Branched.withConsumer(
                unroutable ->
                    unroutable
                        .mapValues(RoutedOrder::original, Named.as("original-bytes"))
                        .to(
                            topics.unroutable().name(),
                            produced(topics.unroutable(), "unroutable-sink")),
                "unroutable"));
    return builder.build();
  }

  private static void toPlatforms(KStream<String, RoutedOrder> routed, RouterTopics topics) {
    TopicNameExtractor<String, NotificationRequested> platformTopic =
        (buyerId, notification, context) ->
            topics.platform(Channel.of(notification.getPlatform())).name();
    // Every platform topic carries the same key and value types; any one's serdes write them all.
    Topic<String, NotificationRequested> anyPlatform = topics.platform(Channel.values()[0]);
    routed
        .mapValues(
            order -> ((Route.ToPlatform) order.route()).notification(), Named.as("notification"))
        .to(platformTopic, produced(anyPlatform, "platform-sink"));
  }

  private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
