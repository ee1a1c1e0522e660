package dev.orderflow.sender.graph;

import dev.orderflow.common.kafka.ErrorClass;

/** The fallback for an unknown Graph code or an unreadable error body: the HTTP status decides. */
public final class HttpStatusClass {
  private HttpStatusClass() {}

  public static ErrorClass of(int httpStatus) {
    if (httpStatus == 0 || httpStatus >= 500) {
      return ErrorClass.RETRY; // no answer at all, or the platform's own failure
    }
    return switch (httpStatus) {
      case 429 -> ErrorClass.BACKOFF;
      case 401 -> ErrorClass.REFRESH;
      case 403 -> ErrorClass.PERMANENT_CONFIG;
      default -> ErrorClass.PERMANENT;
    };
  }
}
