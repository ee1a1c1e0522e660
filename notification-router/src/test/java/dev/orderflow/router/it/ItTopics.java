package dev.orderflow.router.it;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.testsupport.TestStack;
import java.util.HashMap;
import java.util.Map;

/**
 * Topics and a buyers table unique to one test, created on the real stack; the topics carry the
 * production serdes over the stack's registry.
 */
record ItTopics(RouterTopics topics, String buyersTable) {

  static ItTopics create(TestStack stack, int partitions) {
    Map<String, String> names = new HashMap<>();
    for (Channel channel : Channel.values()) {
      names.put(RouterTopics.platformKey(channel), stack.uniqueTopic("notify." + channel.id()));
    }
    names.put(RouterTopics.ORDERS_CREATED, stack.uniqueTopic("orders.created"));
    names.put(RouterTopics.UNROUTABLE, stack.uniqueTopic("notify.unroutable"));
    names.put(RouterTopics.DEAD_LETTERS, stack.uniqueTopic("router.dlq"));
    String url = stack.registryUrl().toString();
    RouterTopics topics =
        RouterTopics.from(
            ConfigSource.of(names, Map.of()),
            new SchemaRegistryClient(url),
            AvroSerdeConfig.localStack(url));
    stack.createTopics(partitions, topics.names().toArray(String[]::new));
    String table = stack.uniqueTable("buyers");
    stack.createTable(table, "buyerId");
    return new ItTopics(topics, table);
  }

  /** The router's configuration for these names, as environment variables. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("TOPICS_ORDERS_CREATED", topics.ordersCreated().name());
    env.put("TOPICS_UNROUTABLE", topics.unroutable().name());
    env.put("TOPICS_DEAD_LETTERS", topics.deadLetters().name());
    topics.platforms().forEach((c, t) -> env.put("TOPICS_NOTIFY_" + c.name(), t.name()));
    env.put("BUYERS_TABLE", buyersTable);
    return env;
  }
}
