package dev.orderflow.testsupport;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import dev.orderflow.schema.WhatsAppTemplate;
import java.time.Instant;
import java.util.List;
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

  /**
   * As the router writes it for a WhatsApp buyer outside the 24-hour window: the English {@code
   * order_confirmed} template with the order id as its one parameter, which Meta (and the
   * simulator) accepts whatever the window.
   */
  public static NotificationRequested.Builder whatsappTemplate(
      String orderId, String buyerId, String phone) {
    return builder(orderId, buyerId, Platform.WHATSAPP, phone)
        .setTemplate(orderConfirmed(List.of(text(orderId))));
  }

  /** The English {@code order_confirmed} template with these parameters. */
  public static WhatsAppTemplate orderConfirmed(List<TemplateParameter> parameters) {
    return WhatsAppTemplate.newBuilder()
        .setName("order_confirmed")
        .setLanguageCode("en")
        .setParameters(parameters)
        .build();
  }

  public static TemplateParameter text(String value) {
    return TemplateParameter.newBuilder()
        .setType(TemplateParameterType.TEXT)
        .setText(value)
        .build();
  }
}
