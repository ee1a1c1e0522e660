package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated send request, before the simulator's rules decide whether Meta would accept it.
 *
 * @param bizOpaqueCallbackData WhatsApp's biz_opaque_callback_data, echoed in status webhooks
 */
record OutgoingMessage(
    Platform platform,
    String account,
    String recipient,
    String type,
    String text,
    String templateName,
    String language,
    List<JsonNode> parameters,
    String tokenSuffix,
    String bizOpaqueCallbackData) {

  OutgoingMessage {
    recipient = recipientKey(recipient);
  }

  /** One spelling per recipient: WhatsApp accepts "+234…" and "234…" as the same user. */
  static String recipientKey(String recipient) {
    return recipient.startsWith("+") ? recipient.substring(1) : recipient;
  }

  /** WhatsApp templates are the one kind of message allowed outside a window. */
  boolean needsWindow() {
    return platform == Platform.INSTAGRAM || type.equals("text");
  }

  /** Same platform, account, recipient and content: the second is a duplicate for the buyer. */
  UUID fingerprint() {
    String content =
        type.equals("text") ? text : templateName + '|' + language + '|' + parameters.toString();
    String key = platform.wireName() + '|' + account + '|' + recipient + '|' + type + '|' + content;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  DeliveredMessage deliver(String id, Instant receivedAt) {
    return new DeliveredMessage(
        id,
        platform,
        account,
        recipient,
        type,
        templateName,
        language,
        parameters,
        text,
        receivedAt,
        tokenSuffix,
        bizOpaqueCallbackData);
  }
}
