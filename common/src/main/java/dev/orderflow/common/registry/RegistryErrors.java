package dev.orderflow.common.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns registry answers the caller cannot use into {@link SchemaRegistryException}s. */
final class RegistryErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private RegistryErrors() {}

  /** A non-2xx answer: the Confluent error body is {"error_code": 40401, "message": "..."}. */
  static SchemaRegistryException fromResponse(String what, int status, String body) {
    int errorCode = 0;
    String detail = abbreviate(body);
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.isObject()) {
        errorCode = error.path("error_code").asInt(0);
        detail = error.path("message").asText(detail);
      }
    } catch (IOException notJson) {
      // A proxy's HTML error page, say: keep the raw text.
    }
    return new SchemaRegistryException(
        "%s answered %d (error_code %d): %s".formatted(what, status, errorCode, detail),
        status,
        errorCode,
        null);
  }

  /** A 2xx answer lacking something the Confluent API promises. */
  static SchemaRegistryException unusable(String what, String problem) {
    return new SchemaRegistryException(what + ": " + problem, 200, 0, null);
  }

  static String abbreviate(String text) {
    return text.length() <= MAX_BODY_IN_MESSAGE
        ? text
        : text.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
