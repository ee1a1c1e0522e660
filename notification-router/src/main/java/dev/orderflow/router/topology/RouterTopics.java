package dev.orderflow.router.topology;

import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.router.route.Channel;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The topics the router reads and writes.
 *
 * @param platforms one output topic per channel; every channel must have one
 */
public record RouterTopics(
    String ordersCreated, String unroutable, String deadLetters, Map<Channel, String> platforms) {

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

  public static RouterTopics defaults() {
    return new RouterTopics(
        TopicNames.ORDERS_CREATED,
        TopicNames.NOTIFY_UNROUTABLE,
        TopicNames.ROUTER_DEAD_LETTERS,
        Arrays.stream(Channel.values())
            .collect(Collectors.toMap(Function.identity(), Channel::defaultTopic)));
  }

  public String platformTopic(Channel channel) {
    return platforms.get(channel);
  }
}
