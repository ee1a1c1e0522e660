package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks {@code object: whatsapp_business_account}: {@code entry[].changes[]} whose {@code field} is
 * {@code messages} carry {@code value.statuses[]} (what happened to our sends) and {@code
 * value.messages[]} (what buyers wrote). Every other field, and {@code value.errors[]} (failures
 * not tied to a message, such as 130429), is named as unparsed.
 */
final class WhatsAppEntries {
  private WhatsAppEntries() {}

  static void parse(JsonNode entries, Events events) {
    for (int i = 0; i < entries.size(); i++) {
      JsonNode changes = entries.get(i).path("changes");
      if (!changes.isArray()) {
        events.unparsed("entry[" + i + "]", "no changes array");
        continue;
      }
      for (int j = 0; j < changes.size(); j++) {
        change(changes.get(j), "entry[" + i + "].changes[" + j + "]", events);
      }
    }
  }

  private static void change(JsonNode change, String path, Events events) {
    String field = change.path("field").asText("");
    if (!field.equals("messages")) {
      events.unparsed(path, "field " + JsonFields.shown(field) + " is not handled");
      return;
    }
    JsonNode value = change.path("value");
    String businessId = JsonFields.textOrNull(value.path("metadata"), "phone_number_id");
    JsonNode statuses = value.path("statuses");
    JsonNode messages = value.path("messages");
    JsonNode errors = value.path("errors");
    if (!statuses.isArray() && !messages.isArray() && !errors.isArray()) {
      events.unparsed(path + ".value", "no statuses, messages or errors");
      return;
    }
    for (int k = 0; k < statuses.size(); k++) {
      String at = path + ".value.statuses[" + k + "]";
      WhatsAppStatuses.parse(statuses.get(k), businessId, events.receivedAt())
          .ifPresentOrElse(events::status, why -> events.unparsed(at, why));
    }
    for (int k = 0; k < messages.size(); k++) {
      String at = path + ".value.messages[" + k + "]";
      WhatsAppMessages.parse(messages.get(k), businessId, events.receivedAt())
          .ifPresentOrElse(events::inbound, why -> events.unparsed(at, why));
    }
    if (errors.isArray() && !errors.isEmpty()) {
      events.unparsed(
          path + ".value.errors", "errors not tied to a message, codes " + codes(errors));
    }
  }

  private static String codes(JsonNode errors) {
    StringBuilder codes = new StringBuilder();
    for (JsonNode error : errors) {
      codes.append(codes.isEmpty() ? "" : ",").append(error.path("code").asInt(0));
    }
    return codes.toString();
  }
}
