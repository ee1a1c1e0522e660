package dev.orderflow.devservers.meta;

import java.util.ArrayList;
import java.util.List;

/**
 * The status webhooks of one accepted message, worked out when it is accepted: which events, their
 * timestamps (acceptance plus each delay, so always in event order) and when each is sent (in event
 * order, or reversed when {@code reorder} is on), each repeated {@code duplicates} more times. A
 * scripted {@link AsyncFailure} makes it {@code sent} then {@code failed}.
 */
final class StatusPlan {
  /** Copies of a call follow the original this many milliseconds apart. */
  static final long DUPLICATE_GAP_MS = 5;

  private StatusPlan() {}

  static List<WebhookCall> plan(
      DeliveredMessage message, WebhookSettings settings, AsyncFailure failure) {
    List<Event> events = events(message, settings, failure);
    List<WebhookCall> calls = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      long sendAt =
          settings.reorder() ? events.get(events.size() - 1 - i).delayMs : events.get(i).delayMs;
      WebhookCall call = call(message, events.get(i), failure, sendAt);
      for (int copy = 0; copy <= settings.duplicates(); copy++) {
        calls.add(call.at(sendAt + copy * DUPLICATE_GAP_MS));
      }
    }
    return calls;
  }

  private record Event(String status, long delayMs) {}

  private static List<Event> events(
      DeliveredMessage message, WebhookSettings s, AsyncFailure failure) {
    List<Event> events = new ArrayList<>();
    events.add(new Event("sent", s.sentAfterMs()));
    if (failure != null) {
      events.add(new Event("failed", s.deliveredAfterMs()));
      return events;
    }
    if (message.platform() == Platform.WHATSAPP) {
      events.add(new Event("delivered", s.deliveredAfterMs()));
    }
    if (s.readAfterMs() != null) {
      events.add(new Event("read", s.readAfterMs()));
    }
    return events;
  }

  private static WebhookCall call(
      DeliveredMessage message, Event event, AsyncFailure failure, long sendAt) {
    var at = message.receivedAt().plusMillis(event.delayMs);
    byte[] body =
        switch (message.platform()) {
          case WHATSAPP ->
              WebhookPayloads.whatsappStatus(
                  message, event.status, at, event.status.equals("failed") ? failure : null);
          case INSTAGRAM ->
              event.status.equals("sent")
                  ? WebhookPayloads.instagramEcho(message, at)
                  : WebhookPayloads.instagramRead(message, at);
        };
    return new WebhookCall(sendAt, "status", message.platform(), message.id(), event.status, body);
  }
}
