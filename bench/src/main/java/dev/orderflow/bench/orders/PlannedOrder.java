package dev.orderflow.bench.orders;

/**
 * One order of a run: the record's key and JSON value as a vendor system would produce them, and
 * what it must become.
 */
public record PlannedOrder(
    String vendorId, String vendorOrderId, String buyerId, byte[] json, Expectation expected) {

  /** The pipeline-wide id (design: vendorId + ':' + vendorOrderId). */
  public String orderId() {
    return vendorId + ":" + vendorOrderId;
  }

  public boolean isDelivered() {
    return expected instanceof Expectation.Delivered;
  }
}
