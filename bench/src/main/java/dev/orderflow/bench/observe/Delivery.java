package dev.orderflow.bench.observe;

import dev.orderflow.devservers.meta.Platform;
import java.time.Instant;

/**
 * A message the simulated Meta API accepted, reduced to what the order must match.
 *
 * @param vendorOrderId the order reference the message shows
 * @param totalMinor the total it shows, in minor units; -1 when it shows none readable
 */
public record Delivery(
    String vendorOrderId,
    Platform platform,
    String recipient,
    long totalMinor,
    Instant receivedAt,
    String messageId) {}
