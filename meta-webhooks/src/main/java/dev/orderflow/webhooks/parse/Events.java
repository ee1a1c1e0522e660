package dev.orderflow.webhooks.parse;

import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects what one webhook yields while its entries are walked. */
final class Events {
  /** Reasons kept per webhook; a pathological body cannot grow the headers without bound. */
  static final int MAX_REASONS = 50;

  private final Instant receivedAt;
  private final List<DeliveryStatus> statuses = new ArrayList<>();
  private final List<InboundMessage> inbound = new ArrayList<>();
  private final List<String> unparsed = new ArrayList<>();
  private int reasonsLeftOut;

  Events(Instant receivedAt) {
    this.receivedAt = receivedAt;
  }

  Instant receivedAt() {
    return receivedAt;
  }

  void status(DeliveryStatus status) {
    statuses.add(status);
  }

  void inbound(InboundMessage message) {
    inbound.add(message);
  }

  void unparsed(String path, String why) {
    if (unparsed.size() < MAX_REASONS) {
      unparsed.add(path + ": " + why);
    } else {
      reasonsLeftOut++;
    }
  }

  ParseResult.Webhook build(String object) {
    List<String> reasons = new ArrayList<>(unparsed);
    if (reasonsLeftOut > 0) {
      reasons.add("… and " + reasonsLeftOut + " more parts not handled");
    }
    if (statuses.isEmpty() && inbound.isEmpty() && reasons.isEmpty()) {
      reasons.add("entry: the webhook carries no events");
    }
    return new ParseResult.Webhook(object, statuses, inbound, reasons);
  }
}
