package dev.orderflow.devservers.meta;

import java.util.Objects;

/**
 * Body of {@code POST /_sim/inbound}: a buyer writes to the business, e.g. {@code
 * {"platform":"whatsapp","from":"+2348030000001","text":"STOP"}}. The simulator opens the buyer's
 * messaging window, as Meta does, and calls the webhook URL with the message.
 *
 * @param from a phone number (WhatsApp, with or without '+') or an Instagram-scoped id
 * @param name the WhatsApp profile name; "Buyer" when absent
 */
public record InboundRequest(Platform platform, String from, String text, String name) {
  public InboundRequest {
    Objects.requireNonNull(platform, "platform is required (whatsapp or instagram)");
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("from is required");
    }
    if (text == null || text.isEmpty() || text.length() > 4096) {
      throw new IllegalArgumentException("text is required, at most 4096 characters");
    }
    name = name == null || name.isBlank() ? "Buyer" : name;
  }

  public static InboundRequest text(Platform platform, String from, String text) {
    return new InboundRequest(platform, from, text, null);
  }
}
