package dev.orderflow.instagram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.MetaError;

/**
 * Reads Graph's error body ({@code {"error":{"code":…,"error_subcode":…,"message":…,
 * "error_user_msg":…,"fbtrace_id":…}}}). A body without a numeric {@code error.code} gives a {@link
 * MetaError} with a null code, which the error table classifies by HTTP status.
 */
final class GraphErrorBody {
  private static final int MAX_SNIPPET = 200;

  private GraphErrorBody() {}

  static MetaError parse(ObjectMapper json, int status, String body) {
    JsonNode error = readError(json, body);
    if (error == null || !error.path("code").canConvertToInt()) {
      return new MetaError(status, null, null, "HTTP " + status + ": " + snippet(body), null);
    }
    JsonNode subcode = error.path("error_subcode");
    return new MetaError(
        status,
        error.get("code").intValue(),
        subcode.canConvertToInt() ? subcode.intValue() : null,
        describe(error),
        error.path("fbtrace_id").asText(null));
  }

  private static JsonNode readError(ObjectMapper json, String body) {
    try {
      JsonNode error = json.readTree(body).path("error");
      return error.isObject() ? error : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  // MetaError has no field for the explanation Messenger-style errors put in error_user_msg.
  private static String describe(JsonNode error) {
    String message = error.path("message").asText("");
    String details = error.path("error_user_msg").asText("");
    return details.isEmpty() ? message : message + " (details: " + details + ")";
  }

  private static String snippet(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET) + "…";
  }
}
