package dev.orderflow.ingest.validation;

import java.time.Instant;
import java.util.List;

/**
 * An order that passed every rule: text trimmed, total checked.
 *
 * @param contentHash SHA-256 (hex) of the canonical form, see {@link ContentHash}
 */
public record ValidOrder(
    String vendorId,
    String vendorOrderId,
    String buyerId,
    String currency,
    List<ValidItem> items,
    long totalMinor,
    Instant submittedAt,
    String note,
    String contentHash) {

  public ValidOrder {
    items = List.copyOf(items);
  }

  /** The pipeline-wide order id (OrderCreated.orderId). */
  public String orderId() {
    return orderId(vendorId, vendorOrderId);
  }

  public static String orderId(String vendorId, String vendorOrderId) {
    return vendorId + ":" + vendorOrderId;
  }
}
