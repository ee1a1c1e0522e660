package dev.orderflow.webhooks;

import java.nio.charset.StandardCharsets;

/** Webhook bodies shaped like Meta's, for tests. */
public final class Payloads {
  public static final String PHONE_NUMBER_ID = "100000000000001";
  public static final String IG_ACCOUNT = "17841400000000001";

  private Payloads() {}

  public static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** One WhatsApp status; {@code extra} is spliced into the status object (",\"errors\": […]"). */
  public static String whatsappStatus(
      String wamid, String status, long epochSeconds, String recipient, String extra) {
    return whatsapp(
        """
        "statuses": [ { "id": "%s", "status": "%s", "timestamp": "%d",
          "recipient_id": "%s"%s } ]"""
            .formatted(wamid, status, epochSeconds, recipient, extra));
  }

  public static String whatsappFailed(
      String wamid, long epochSeconds, String recipient, String callbackData) {
    return whatsappStatus(
        wamid,
        "failed",
        epochSeconds,
        recipient,
        """
        , "biz_opaque_callback_data": "%s",
          "errors": [ { "code": 131026, "title": "Message undeliverable",
            "message": "Message undeliverable",
            "error_data": { "details": "Message Undeliverable." },
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/" } ]"""
            .formatted(callbackData));
  }

  public static String whatsappText(String wamid, String from, long epochSeconds, String text) {
    return whatsapp(
        """
        "contacts": [ { "profile": { "name": "Ada" }, "wa_id": "%s" } ],
        "messages": [ { "from": "%s", "id": "%s", "timestamp": "%d", "type": "text",
          "text": { "body": "%s" } } ]"""
            .formatted(from, from, wamid, epochSeconds, text));
  }

  /** The {@code messages} change of one WhatsApp business account with this inside its value. */
  public static String whatsapp(String valueFields) {
    return """
        { "object": "whatsapp_business_account",
          "entry": [ { "id": "102290129340398", "changes": [ { "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "15550783881", "phone_number_id": "%s" },
            %s } } ] } ] }"""
        .formatted(PHONE_NUMBER_ID, valueFields);
  }

  /** One Instagram messaging event, e.g. {@code "message": {"mid": "m1", "text": "hi"}}. */
  public static String instagram(String sender, String recipient, long epochMillis, String event) {
    return """
        { "object": "instagram",
          "entry": [ { "id": "%s", "time": %d, "messaging": [ {
            "sender": { "id": "%s" }, "recipient": { "id": "%s" }, "timestamp": %d,
            %s } ] } ] }"""
        .formatted(IG_ACCOUNT, epochMillis, sender, recipient, epochMillis, event);
  }
}
