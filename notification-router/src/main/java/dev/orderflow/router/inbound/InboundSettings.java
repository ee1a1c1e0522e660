package dev.orderflow.router.inbound;

import java.util.Objects;

/**
 * The inbound recorder's settings.
 *
 * @param enabled whether this instance reads {@code topic} at all ({@code inbound.enabled})
 * @param topic where meta-webhooks writes buyers' messages ({@code topics.buyer-inbound})
 * @param groupId the consumer group, shared by every router instance ({@code
 *     inbound.consumer-group}; default {@code <router.application-id>-inbound})
 * @param keywords the opt-out and opt-in keywords ({@code inbound.opt-out.keywords}, {@code
 *     inbound.opt-in.keywords})
 */
public record InboundSettings(
    boolean enabled, String topic, String groupId, OptOutKeywords keywords) {

  public InboundSettings {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(keywords, "keywords");
  }
}
