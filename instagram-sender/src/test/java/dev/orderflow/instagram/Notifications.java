package dev.orderflow.instagram;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RequestedNotifications;
import java.time.Instant;

/** Instagram notifications as the router writes them, for tests. */
final class Notifications {
  static final String BUYER_IGSID = "6543210987654321";

  private Notifications() {}

  static NotificationRequested.Builder notification() {
    return RequestedNotifications.builder("ORD-2002", "buyer-9", Platform.INSTAGRAM, BUYER_IGSID)
        .setLocale("pcm-NG")
        .setTotalMinor(4_500_000L)
        .setText("Your order ORD-2002 (₦45,000) don land. Thank you!")
        .setInsideServiceWindow(true)
        .setCorrelationId("corr-2")
        .setRequestedAt(Instant.parse("2026-03-03T10:15:30Z"));
  }
}
