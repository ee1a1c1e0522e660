package dev.orderflow.router.buyer;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of the {@code buyers} table as the registration flow wrote it. Fields other than the id
 * may be missing ({@code null}): deciding what a missing field means is the router's job, not the
 * directory's.
 *
 * @param platform the platform name as stored (e.g. {@code WHATSAPP}); may be one the router does
 *     not support
 * @param lastInboundAt when the buyer last wrote to the business (Meta's time), as the inbound
 *     recorder keeps it; {@code null} when never: opens Meta's 24-hour customer-service window
 */
public record Buyer(
    String buyerId,
    String platform,
    String whatsappPhone,
    String instagramScopedId,
    String displayName,
    String locale,
    boolean optedOut,
    Instant updatedAt,
    Instant lastInboundAt) {

  public Buyer {
    Objects.requireNonNull(buyerId, "buyerId");
  }

  /** A buyer who has never written to the business. */
  public Buyer(
      String buyerId,
      String platform,
      String whatsappPhone,
      String instagramScopedId,
      String displayName,
      String locale,
      boolean optedOut,
      Instant updatedAt) {
    this(
        buyerId,
        platform,
        whatsappPhone,
        instagramScopedId,
        displayName,
        locale,
        optedOut,
        updatedAt,
        null);
  }

  /** The same buyer, last heard from at {@code at}. */
  public Buyer withLastInboundAt(Instant at) {
    return new Buyer(
        buyerId,
        platform,
        whatsappPhone,
        instagramScopedId,
        displayName,
        locale,
        optedOut,
        updatedAt,
        at);
  }

  @Override
  public String toString() {
    // Keeps contact details out of logs.
    return "Buyer[" + buyerId + ", platform=" + platform + ", optedOut=" + optedOut + "]";
  }
}
