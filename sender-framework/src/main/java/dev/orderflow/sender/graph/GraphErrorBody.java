package dev.orderflow.sender.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.MetaError;

/**
 * Reads Graph's error body ({@code {"error":{"code":…,"error_subcode":…,"message":…,
 * "fbtrace_id":…}}}). A body without a numeric {@code error.code} gives a {@link MetaError} with a
 * null code, which the error table classifies by HTTP status.
 *
 * <p>MetaError has no field for the platform's explanation (WhatsApp's {@code error_data.details},
 * which Meta says to branch on; Messenger-style {@code error_user_msg} on Instagram), so each
 * platform names where it sits, relative to {@code error}, and it is folded into the message.
 */
public final class GraphErrorBody {
  /** WhatsApp Cloud API: {@code error.error_data.details}. */
  public static final JsonPointer WHATSAPP_DETAILS = JsonPointer.compile("/error_data/details");

  /** Instagram (Messenger-style errors): {@code error.error_user_msg}. */
  public static final JsonPointer INSTAGRAM_DETAILS = JsonPointer.compile("/error_user_msg");

  private static final int MAX_SNIPPET = 200;

  private GraphErrorBody() {}

  public static MetaError parse(ObjectMapper json, int status, String body, JsonPointer details) {
    JsonNode error = readError(json, body);
    if (error == null || !error.path("code").canConvertToInt()) {
      return new MetaError(status, null, null, "HTTP " + status + ": " + snippet(body), null);
    }
    JsonNode subcode = error.path("error_subcode");
    return new MetaError(
        status,
        error.get("code").intValue(),
        subcode.canConvertToInt() ? subcode.intValue() : null,
        describe(error, details),
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

  private static String describe(JsonNode error, JsonPointer detailsAt) {
    String message = error.path("message").asText("");
    String details = error.at(detailsAt).asText("");
    return details.isEmpty() ? message : message + " (details: " + details + ")";
  }

  private static String snippet(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET) + "…";
  }
}
