package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.Platform;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code value.messages[]} item of a WhatsApp webhook: {@code from}, {@code id}, {@code
 * timestamp}, {@code type} and the type's own object. Every type is an inbound message (any of them
 * opens the service window); the text is what the buyer wrote or chose, where there is one.
 */
final class WhatsAppMessages {
  private WhatsAppMessages() {}

  static Mapped<InboundMessage> parse(JsonNode message, String businessId, Instant receivedAt) {
    Optional<String> from = JsonFields.text(message, "from");
    if (from.isEmpty()) {
      return Mapped.unmapped("no from");
    }
    Optional<Instant> at = JsonFields.epochSeconds(message, "timestamp");
    if (at.isEmpty()) {
      return Mapped.unmapped("no timestamp in epoch seconds");
    }
    Optional<String> type = JsonFields.text(message, "type");
    if (type.isEmpty()) {
      return Mapped.unmapped("no type");
    }
    return Mapped.event(
        InboundMessage.newBuilder()
            .setPlatform(Platform.WHATSAPP)
            .setSenderId(WhatsAppIds.e164(from.get()))
            .setBusinessId(businessId)
            .setMessageId(JsonFields.textOrNull(message, "id"))
            .setOccurredAt(at.get())
            .setType(type.get())
            .setText(text(message, type.get()))
            .setReceivedAt(receivedAt)
            .build());
  }

  /** The button a buyer pressed counts as text: "STOP" often arrives as a quick-reply button. */
  private static String text(JsonNode message, String type) {
    return switch (type) {
      case "text" -> JsonFields.textOrNull(message.path("text"), "body");
      case "button" -> JsonFields.textOrNull(message.path("button"), "text");
      case "interactive" -> interactiveTitle(message.path("interactive"));
      case "reaction" -> JsonFields.textOrNull(message.path("reaction"), "emoji");
      case "image", "video", "document" -> JsonFields.textOrNull(message.path(type), "caption");
      default -> null;
    };
  }

  private static String interactiveTitle(JsonNode interactive) {
    String button = JsonFields.textOrNull(interactive.path("button_reply"), "title");
    return button != null ? button : JsonFields.textOrNull(interactive.path("list_reply"), "title");
  }
}
