package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code messaging[]} event of an Instagram webhook: {@code sender.id}, {@code recipient.id},
 * {@code timestamp} (milliseconds) and one of {@code message}, {@code read}, {@code reaction},
 * {@code postback}.
 *
 * <p>Instagram has no delivery statuses like WhatsApp's, so two events stand in for them: the echo
 * of a message the business sent ({@code message.is_echo}) is its SENT status, and {@code read} is
 * READ for the {@code mid} it names (Instagram reports the newest message read). A message, a
 * reaction and a postback from the buyer are inbound messages.
 */
final class InstagramEvents {
  private InstagramEvents() {}

  static void parse(JsonNode event, String path, Events events) {
    Optional<String> sender = JsonFields.text(event.path("sender"), "id");
    Optional<String> recipient = JsonFields.text(event.path("recipient"), "id");
    Optional<Instant> at = JsonFields.epochMillis(event, "timestamp");
    if (sender.isEmpty() || recipient.isEmpty() || at.isEmpty()) {
      events.unparsed(path, "needs sender.id, recipient.id and a timestamp in milliseconds");
      return;
    }
    Parties parties = new Parties(sender.get(), recipient.get(), at.get(), events.receivedAt());
    JsonNode message = event.path("message");
    if (message.isObject() && message.path("is_echo").asBoolean(false)) {
      status(JsonFields.text(message, "mid"), DeliveryState.SENT, parties.echoed(), path, events);
    } else if (message.isObject()) {
      inbound(parties, message.path("mid"), messageType(message), text(message), events);
    } else if (event.path("read").isObject()) {
      status(JsonFields.text(event.path("read"), "mid"), DeliveryState.READ, parties, path, events);
    } else if (event.path("reaction").isObject()) {
      JsonNode reaction = event.path("reaction");
      inbound(parties, reaction.path("mid"), "reaction", reaction(reaction), events);
    } else if (event.path("postback").isObject()) {
      JsonNode postback = event.path("postback");
      String title = JsonFields.textOrNull(postback, "title");
      inbound(parties, postback.path("mid"), "postback", title, events);
    } else {
      events.unparsed(path, "none of message, read, reaction, postback");
    }
  }

  /**
   * The buyer and the business of one event; for an echo they are swapped, since the business sent
   * it.
   */
  private record Parties(String buyer, String business, Instant at, Instant receivedAt) {
    Parties echoed() {
      return new Parties(business, buyer, at, receivedAt);
    }
  }

  private static void status(
      Optional<String> mid, DeliveryState state, Parties parties, String path, Events events) {
    if (mid.isEmpty()) {
      events.unparsed(path, "no mid");
      return;
    }
    events.status(
        DeliveryStatus.newBuilder()
            .setPlatform(Platform.INSTAGRAM)
            .setMessageId(mid.get())
            .setStatus(state)
            .setOccurredAt(parties.at())
            .setRecipientId(parties.buyer())
            .setBusinessId(parties.business())
            .setErrors(List.of())
            .setReceivedAt(parties.receivedAt())
            .build());
  }

  private static void inbound(
      Parties parties, JsonNode mid, String type, String text, Events events) {
    events.inbound(
        InboundMessage.newBuilder()
            .setPlatform(Platform.INSTAGRAM)
            .setSenderId(parties.buyer())
            .setBusinessId(parties.business())
            .setMessageId(mid.isTextual() ? mid.asText() : null)
            .setOccurredAt(parties.at())
            .setType(type)
            .setText(text)
            .setReceivedAt(parties.receivedAt())
            .build());
  }

  private static String messageType(JsonNode message) {
    if (message.path("is_deleted").asBoolean(false)) {
      return "deleted";
    }
    return message.has("text") ? "text" : message.has("attachments") ? "attachment" : "unsupported";
  }

  private static String text(JsonNode message) {
    return JsonFields.textOrNull(message, "text");
  }

  /** The emoji, or null when the buyer took the reaction back ({@code action: unreact}). */
  private static String reaction(JsonNode reaction) {
    if (reaction.path("action").asText("react").equals("unreact")) {
      return null;
    }
    String emoji = JsonFields.textOrNull(reaction, "emoji");
    return emoji != null ? emoji : JsonFields.textOrNull(reaction, "reaction");
  }
}
