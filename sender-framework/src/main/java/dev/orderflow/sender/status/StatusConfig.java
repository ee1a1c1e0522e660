package dev.orderflow.sender.status;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.kafka.TopicNames;

/**
 * Whether the sender applies status webhooks ({@code status.enabled}) and from which topic ({@code
 * status.topic}).
 */
public record StatusConfig(boolean enabled, String topic) {

  public StatusConfig {
    if (enabled && (topic == null || topic.isBlank())) {
      throw new ConfigException("status.topic", "a topic name", topic);
    }
  }

  public static StatusConfig defaults() {
    return new StatusConfig(true, TopicNames.NOTIFY_STATUS);
  }
}
