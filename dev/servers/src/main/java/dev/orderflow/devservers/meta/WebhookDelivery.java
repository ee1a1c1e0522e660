package dev.orderflow.devservers.meta;

import java.time.Instant;

/**
 * One attempt at a webhook call, as {@code GET /_sim/webhooks/deliveries} lists it.
 *
 * @param httpStatus what the webhook URL answered; 0 when it could not be reached
 * @param error why it could not be reached, or null
 */
public record WebhookDelivery(
    String kind,
    Platform platform,
    String messageId,
    String event,
    int attempt,
    int httpStatus,
    String error,
    Instant at) {

  public boolean accepted() {
    return httpStatus >= 200 && httpStatus < 300;
  }
}
