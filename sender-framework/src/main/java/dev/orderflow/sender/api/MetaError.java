package dev.orderflow.sender.api;

/**
 * A failed Graph API call as the platform reported it. {@code httpStatus} is 0 when no response
 * arrived (timeout, connection refused); {@code code} and {@code subcode} are null when absent.
 */
public record MetaError(
    int httpStatus, Integer code, Integer subcode, String message, String fbtraceId) {

  public static MetaError noResponse(String message) {
    return new MetaError(0, null, null, message, null);
  }
}
