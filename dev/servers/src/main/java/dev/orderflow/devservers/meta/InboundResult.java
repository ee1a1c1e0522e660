package dev.orderflow.devservers.meta;

/**
 * What {@code POST /_sim/inbound} did: the id Meta would give the buyer's message, and the first
 * attempt to deliver its webhook (retried in the background when not 2xx).
 */
public record InboundResult(String messageId, WebhookDelivery delivery) {}
