package dev.orderflow.devservers.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Graph API error as Meta shapes it. The HTTP status is the one Graph pairs with each code;
 * senders must branch on {@code code}, so the titles are only there to look familiar.
 */
record GraphError(
    int httpStatus, int code, Integer subcode, String type, String message, String details) {

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(1, "An unknown error occurred"),
          Map.entry(2, "Service temporarily unavailable"),
          Map.entry(3, "Application does not have the capability to make this API call"),
          Map.entry(4, "Application request limit reached"),
          Map.entry(10, "Application does not have permission for this action"),
          Map.entry(100, "Invalid parameter"),
          Map.entry(190, "Invalid OAuth access token"),
          Map.entry(200, "Permissions error"),
          Map.entry(368, "Temporarily blocked for policies violations"),
          Map.entry(2500, "Unknown path components"),
          Map.entry(130429, "Rate limit hit"),
          Map.entry(131000, "Something went wrong"),
          Map.entry(131008, "Required parameter is missing"),
          Map.entry(131009, "Parameter value is not valid"),
          Map.entry(131016, "Service unavailable"),
          Map.entry(131026, "Message undeliverable"),
          Map.entry(131047, "Re-engagement message"),
          Map.entry(131051, "Unsupported message type"),
          Map.entry(131056, "(Business Account, Consumer Account) pair rate limit hit"),
          Map.entry(132000, "Number of parameters does not match the expected number of params"),
          Map.entry(132001, "Template name does not exist in the translation"));

  static GraphError of(int code, String details) {
    return of(code, null, details);
  }

  static GraphError of(int code, Integer subcode, String details) {
    boolean method = code == 100 && Integer.valueOf(33).equals(subcode);
    String title = TITLES.getOrDefault(code, "Simulated error");
    return new GraphError(
        statusFor(code),
        code,
        subcode,
        method ? "GraphMethodException" : "OAuthException",
        "(#" + code + ") " + title,
        details);
  }

  GraphError withStatus(int status) {
    return new GraphError(status, code, subcode, type, message, details);
  }

  static int statusFor(int code) {
    return switch (code) {
      case 0, 190 -> 401;
      case 4, 17, 32, 613, 80007, 130429, 131056 -> 429;
      case 10, 368, 130497, 131005, 131031 -> 403;
      case 3, 131000, 131057 -> 500;
      case 2, 131016 -> 503;
      case 132001 -> 404;
      default -> code >= 200 && code <= 299 ? 403 : 400;
    };
  }

  /** The JSON body; WhatsApp errors carry the details in {@code error_data}, others inline. */
  Map<String, Object> body(Platform platform, String fbtraceId) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    if (platform == Platform.WHATSAPP) {
      error.put("error_data", Map.of("messaging_product", "whatsapp", "details", details));
    } else if (details != null) {
      error.put("error_user_msg", details);
    }
    error.put("fbtrace_id", fbtraceId);
    return Map.of("error", error);
  }
}
