package dev.orderflow.webhooks.parse;

import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import java.util.List;

/** What a signed body turned out to be. */
public sealed interface ParseResult {

  /** Not JSON, or JSON without Meta's {@code object} and {@code entry}: answered 400. */
  record NotAWebhook(String reason) implements ParseResult {}

  /**
   * A webhook: the events it carries and, for every part that maps to none, its JSON path and why
   * (those parts go to the unparsed topic with the raw body).
   *
   * @param object Meta's {@code object}, e.g. {@code whatsapp_business_account}
   */
  record Webhook(
      String object,
      List<DeliveryStatus> statuses,
      List<InboundMessage> inbound,
      List<String> unparsed)
      implements ParseResult {
    public Webhook {
      statuses = List.copyOf(statuses);
      inbound = List.copyOf(inbound);
      unparsed = List.copyOf(unparsed);
    }

    public int eventCount() {
      return statuses.size() + inbound.size();
    }
  }
}
