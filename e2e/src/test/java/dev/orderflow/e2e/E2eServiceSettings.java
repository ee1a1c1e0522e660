package dev.orderflow.e2e;

import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.common.kafka.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the suite changes in the services' defaults, and why: shorter retry delays so a retried
 * message lands within a test's patience, and a number rate high enough for a few thousand orders.
 */
final class E2eServiceSettings {
  /** Messages per second the simulated number accepts and the senders spend. */
  static final int RATE = 400;

  /**
   * Sends in flight per sender: the most a SIGKILL can catch between Meta's acceptance and the
   * ledger's record, so the bound on duplicates a sender crash may cause.
   */
  static final int SENDER_IN_FLIGHT = 32;

  /** The senders' delay tiers (defaults 30s, 5m, 30m). */
  static final List<String> RETRY_DELAYS = List.of("1s", "5s");

  private E2eServiceSettings() {}

  static void apply(Map.Entry<ServiceKind, Map<String, String>> service) {
    Map<String, String> env = service.getValue();
    switch (service.getKey()) {
      case WHATSAPP_SENDER, INSTAGRAM_SENDER -> {
        env.put("RATE_NUMBER_PER_SECOND", Integer.toString(RATE));
        env.put("RETRY_DELAYS", String.join(",", RETRY_DELAYS));
        env.put("SENDER_MAX_IN_FLIGHT", Integer.toString(SENDER_IN_FLIGHT));
        env.put("META_MAX_CONNECTIONS", Integer.toString(SENDER_IN_FLIGHT));
        // Probe a dead circuit (expired token, outage) every second rather than every five, and
        // cap a throttled sender's pause at 5 s rather than 60 s: the storms here last seconds.
        env.put("CIRCUIT_PROBE_INTERVAL", "1s");
        env.put("RATE_THROTTLE_MAX_PAUSE", "5s");
      }
      case ORDER_INGEST, NOTIFICATION_ROUTER -> {}
    }
  }

  /** The senders' retry and dead-letter topics for the delays above. */
  static List<String> senderTopics() {
    List<String> topics = new ArrayList<>();
    for (String platform : List.of("whatsapp", "instagram")) {
      RETRY_DELAYS.forEach(delay -> topics.add(TopicNames.retryTopic(platform, delay)));
      topics.add(TopicNames.deadLetterTopic(platform));
    }
    return topics;
  }
}
