package dev.orderflow.devservers.meta;

import java.util.ArrayDeque;
import java.util.List;

/** The newest {@value #RETAINED} webhook attempts, oldest first. */
final class WebhookLog {
  static final int RETAINED = 10_000;

  private final ArrayDeque<WebhookDelivery> attempts = new ArrayDeque<>(); // guarded by this

  synchronized void record(WebhookDelivery delivery) {
    if (attempts.size() == RETAINED) {
      attempts.removeFirst();
    }
    attempts.addLast(delivery);
  }

  /** Every attempt, or those about one message id when {@code messageId} is not null. */
  synchronized List<WebhookDelivery> find(String messageId) {
    return attempts.stream()
        .filter(d -> messageId == null || messageId.equals(d.messageId()))
        .toList();
  }

  synchronized void clear() {
    attempts.clear();
  }
}
