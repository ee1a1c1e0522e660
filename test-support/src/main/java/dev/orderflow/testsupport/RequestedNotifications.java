package dev.orderflow.testsupport;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code NotificationRequested} as the router writes it, for tests: every field set to a plausible
 * value, so a test (or a module's own helper) sets only what it is about.
 */
public final class RequestedNotifications {
  public static final Instant REQUESTED_AT = Instant.parse("2026-03-01T09:59:00Z");

  private RequestedNotifications() {}

  /**
   * Id {@code <orderId>:<platform>}, en-NG, ₦1,380,000 as the total, free text, no template,
   * outside the service window, correlation id {@code corr-<orderId>}.
   */
  public static NotificationRequested.Builder builder(
      String orderId, String buyerId, Platform platform, String recipient) {
    return NotificationRequested.newBuilder()
        .setNotificationId(orderId + ":" + platform.name().toLowerCase(Locale.ROOT))
        .setOrderId(orderId)
        .setBuyerId(buyerId)
        .setPlatform(platform)
        .setRecipient(recipient)
        .setLocale("en-NG")
        .setCurrency("NGN")
        .setTotalMinor(138_000_000L)
        .setText("Your order " + orderId + " is confirmed")
        .setTemplate(null)
        .setInsideServiceWindow(false)
        .setCorrelationId("corr-" + orderId)
        .setRequestedAt(REQUESTED_AT);
  }
}
