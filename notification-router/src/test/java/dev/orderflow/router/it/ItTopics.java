package dev.orderflow.router.it;

import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.testsupport.TestStack;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Topics and a buyers table unique to one test, created on the real stack. */
record ItTopics(RouterTopics topics, String buyersTable) {

  static ItTopics create(TestStack stack, int partitions) {
    Map<Channel, String> platforms = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      platforms.put(channel, stack.uniqueTopic("notify." + channel.id()));
    }
    RouterTopics topics =
        new RouterTopics(
            stack.uniqueTopic("orders.created"),
            stack.uniqueTopic("notify.unroutable"),
            stack.uniqueTopic("router.dlq"),
            platforms);
    List<String> names = new ArrayList<>(platforms.values());
    names.add(topics.ordersCreated());
    names.add(topics.unroutable());
    names.add(topics.deadLetters());
    stack.createTopics(partitions, names.toArray(String[]::new));
    String table = stack.uniqueTable("buyers");
    stack.createTable(table, "buyerId");
    return new ItTopics(topics, table);
  }

  /** The router's configuration for these names, as environment variables. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TOPICS_ORDERS_CREATED", topics.ordersCreated());
    env.put("TOPICS_UNROUTABLE", topics.unroutable());
    env.put("TOPICS_DEAD_LETTERS", topics.deadLetters());
    topics.platforms().forEach((c, t) -> env.put("TOPICS_NOTIFY_" + c.name(), t));
    env.put("BUYERS_TABLE", buyersTable);
    return env;
  }
}
