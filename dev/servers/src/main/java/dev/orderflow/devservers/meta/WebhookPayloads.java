package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Webhook bodies in Meta's shapes (WhatsApp statuses and messages, Instagram messaging events), one
 * event per body.
 */
final class WebhookPayloads {
  /** The WhatsApp business account the simulated phone numbers belong to. */
  static final String WABA_ID = "100000000000009";

  static final String DISPLAY_PHONE_NUMBER = "15550000001";
  private static final String ERROR_HREF =
      "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

  private WebhookPayloads() {}

  /** {@code value.statuses[0]} of a WhatsApp {@code messages} change. */
  static byte[] whatsappStatus(
      DeliveredMessage message, String status, Instant at, AsyncFailure failure) {
    ObjectNode value = whatsappValue(message.account());
    ObjectNode item = value.putArray("statuses").addObject();
    item.put("id", message.id())
        .put("status", status)
        .put("timestamp", Long.toString(at.getEpochSecond()))
        .put("recipient_id", message.recipient());
    if (failure != null) {
      ObjectNode error = item.putArray("errors").addObject();
      error
          .put("code", failure.code())
          .put("title", failure.title())
          .put("message", failure.title());
      error.putObject("error_data").put("details", failure.details());
      error.put("href", ERROR_HREF);
    } else {
      // A template opens a utility conversation; free text inside the window is a service one.
      String category = message.type().equals("template") ? "utility" : "service";
      item.putObject("conversation")
          .put("id", "conv-" + message.id().hashCode())
          .putObject("origin")
          .put("type", category);
      item.putObject("pricing")
          .put("billable", category.equals("utility"))
          .put("pricing_model", "PMP")
          .put("category", category);
    }
    if (message.bizOpaqueCallbackData() != null) {
      item.put("biz_opaque_callback_data", message.bizOpaqueCallbackData());
    }
    return whatsappBody(value);
  }

  /** A buyer's text in {@code value.messages[0]}, with the contact it came from. */
  static byte[] whatsappText(
      String account, String from, String name, String wamid, Instant at, String text) {
    ObjectNode value = whatsappValue(account);
    ObjectNode contact = value.putArray("contacts").addObject();
    contact.putObject("profile").put("name", name);
    contact.put("wa_id", from);
    ObjectNode item = value.putArray("messages").addObject();
    item.put("from", from)
        .put("id", wamid)
        .put("timestamp", Long.toString(at.getEpochSecond()))
        .put("type", "text")
        .putObject("text")
        .put("body", text);
    return whatsappBody(value);
  }

  /** The echo of a message the business sent: Instagram's stand-in for a sent status. */
  static byte[] instagramEcho(DeliveredMessage message, Instant at) {
    ObjectNode event =
        instagramEvent(message.account(), message.account(), message.recipient(), at);
    event
        .putObject("message")
        .put("mid", message.id())
        .put("text", message.text())
        .put("is_echo", true);
    return instagramBody(message.account(), event, at);
  }

  static byte[] instagramRead(DeliveredMessage message, Instant at) {
    ObjectNode event =
        instagramEvent(message.account(), message.recipient(), message.account(), at);
    event.putObject("read").put("mid", message.id());
    return instagramBody(message.account(), event, at);
  }

  static byte[] instagramText(String account, String from, String mid, Instant at, String text) {
    ObjectNode event = instagramEvent(account, from, account, at);
    event.putObject("message").put("mid", mid).put("text", text);
    return instagramBody(account, event, at);
  }

  private static ObjectNode whatsappValue(String phoneNumberId) {
    ObjectNode value = Json.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
    value
        .putObject("metadata")
        .put("display_phone_number", DISPLAY_PHONE_NUMBER)
        .put("phone_number_id", phoneNumberId);
    return value;
  }

  private static byte[] whatsappBody(ObjectNode value) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("object", "whatsapp_business_account");
    ObjectNode entry = root.putArray("entry").addObject().put("id", WABA_ID);
    entry.putArray("changes").addObject().put("field", "messages").set("value", value);
    return bytes(root);
  }

  private static ObjectNode instagramEvent(
      String account, String sender, String recipient, Instant at) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.putObject("sender").put("id", sender);
    event.putObject("recipient").put("id", recipient);
    event.put("timestamp", at.toEpochMilli());
    return event;
  }

  private static byte[] instagramBody(String account, ObjectNode event, Instant at) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("object", "instagram");
    ObjectNode entry =
        root.putArray("entry").addObject().put("id", account).put("time", at.toEpochMilli());
    entry.putArray("messaging").add(event);
    return bytes(root);
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return Json.MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
