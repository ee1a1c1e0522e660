package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * Turns a verified body into events. A body is a webhook when it is a JSON object with a string
 * {@code object} and an array {@code entry}; anything less is {@link ParseResult.NotAWebhook}. Of a
 * webhook, every part is either an event or an unparsed reason, so nothing is dropped silently.
 * Reasons name JSON paths and safe fragments only, never what a buyer wrote.
 */
public final class WebhookParser {
  public static final String WHATSAPP = "whatsapp_business_account";
  public static final String INSTAGRAM = "instagram";

  private static final ObjectMapper JSON = new ObjectMapper();

  public ParseResult parse(byte[] body, Instant receivedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return new ParseResult.NotAWebhook("the body is not JSON (" + where(e.getLocation()) + ")");
    } catch (IOException e) {
      return new ParseResult.NotAWebhook("the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      return new ParseResult.NotAWebhook("the body is not a JSON object");
    }
    if (!root.path("object").isTextual()) {
      return new ParseResult.NotAWebhook("no \"object\" string");
    }
    if (!root.path("entry").isArray()) {
      return new ParseResult.NotAWebhook("no \"entry\" array");
    }
    String object = root.path("object").asText();
    Events events = new Events(receivedAt);
    switch (object) {
      case WHATSAPP -> WhatsAppEntries.parse(root.path("entry"), events);
      case INSTAGRAM -> InstagramEntries.parse(root.path("entry"), events);
      default -> events.unparsed("object", JsonFields.shown(object) + " is not handled");
    }
    return events.build(object);
  }

  /** Jackson's message would quote the offending text; only its position is safe to repeat. */
  private static String where(JsonLocation location) {
    return location == null
        ? "unreadable"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
