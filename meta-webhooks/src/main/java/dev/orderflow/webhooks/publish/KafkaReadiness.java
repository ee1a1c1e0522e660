package dev.orderflow.webhooks.publish;

import dev.orderflow.common.ops.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready while Kafka answers and the three topics exist, so that a load balancer sends Meta
 * elsewhere (or Meta retries) instead of to an instance that can only answer 503. The answer is
 * kept for a few seconds: probes must not cost a metadata round trip each.
 */
public final class KafkaReadiness implements HealthCheck {
  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaReadiness.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration KEPT = Duration.ofSeconds(5);

  private final Admin admin;
  private final List<String> topics;
  private final Clock clock;
  private Instant checkedAt = Instant.MIN;
  private boolean up;

  public KafkaReadiness(Admin admin, Collection<String> topics, Clock clock) {
    this.admin = admin;
    this.topics = List.copyOf(topics);
    this.clock = clock;
  }

  @Override
  public synchronized boolean isUp() {
    if (clock.instant().isBefore(checkedAt.plus(KEPT))) {
      return up;
    }
    up = describe();
    checkedAt = clock.instant();
    return up;
  }

  private boolean describe() {
    DescribeTopicsOptions options = new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis());
    try {
      admin
          .describeTopics(topics, options)
          .allTopicNames()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOGGER.warn("kafka not ready topics={} error={}", topics, e.toString());
      return false;
    }
  }
}
