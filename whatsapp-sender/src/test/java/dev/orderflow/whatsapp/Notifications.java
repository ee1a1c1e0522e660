package dev.orderflow.whatsapp;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import dev.orderflow.schema.WhatsAppTemplate;
import dev.orderflow.testsupport.RequestedNotifications;
import java.time.Instant;
import java.util.List;

/** WhatsApp notifications as the router writes them, for tests. */
final class Notifications {
  static final String BUYER_PHONE = "+2348031234567";

  private Notifications() {}

  static WhatsAppTemplate orderConfirmed() {
    return RequestedNotifications.orderConfirmed(
        List.of(
            RequestedNotifications.text("Ada"),
            RequestedNotifications.text("ORD-1001"),
            TemplateParameter.newBuilder()
                .setType(TemplateParameterType.CURRENCY)
                .setText("₦1,380,000")
                .setCurrencyCode("NGN")
                .setAmount1000(1_380_000_000L)
                .build()));
  }

  static NotificationRequested.Builder notification() {
    return RequestedNotifications.builder("ORD-1001", "buyer-7", Platform.WHATSAPP, BUYER_PHONE)
        .setText("Hi Ada, your order ORD-1001 (₦1,380,000) is confirmed.")
        .setTemplate(orderConfirmed())
        .setCorrelationId("corr-1")
        .setRequestedAt(Instant.parse("2026-03-03T10:15:30Z"));
  }
}
