package dev.orderflow.webhooks.publish;

import dev.orderflow.common.kafka.Topic;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;

/**
 * The topics meta-webhooks writes: statuses keyed by platform message id, inbound messages keyed by
 * sender, and the raw bodies of what did not map (bytes, named here only).
 */
public record WebhookTopics(
    Topic<String, DeliveryStatus> status, Topic<String, InboundMessage> inbound, String unparsed) {}
