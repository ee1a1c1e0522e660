package dev.orderflow.devservers.meta;

/**
 * One webhook POST the simulator will make.
 *
 * @param delayMs after acceptance (statuses) or at once (inbound)
 * @param kind {@code status} or {@code inbound}
 * @param event the status it reports ({@code sent}, {@code delivered}, {@code read}, {@code
 *     failed}) or the inbound message's type
 * @param body the JSON exactly as signed and sent
 */
record WebhookCall(
    long delayMs, String kind, Platform platform, String messageId, String event, byte[] body) {

  WebhookCall at(long newDelayMs) {
    return new WebhookCall(newDelayMs, kind, platform, messageId, event, body);
  }
}
