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
 */
public record Buyer(
    String buyerId,
    String platform,
    String whatsappPhone,
    String instagramScopedId,
    String displayName,
    String locale,
    boolean optedOut,
    Instant updatedAt) {

  public Buyer {
    Objects.requireNonNull(buyerId, "buyerId");
  }

  @Override
  public String toString() {
    // Keeps contact details out of logs.
    return "Buyer[" + buyerId + ", platform=" + platform + ", optedOut=" + optedOut + "]";
  }
}
