package dev.orderflow.webhooks.publish;

import java.time.Instant;

/**
 * One POST from Meta: its request id (the correlation id of every record it produces), when it
 * arrived, and its raw body (what the unparsed topic keeps).
 */
public record Delivery(String requestId, Instant receivedAt, byte[] body) {}
