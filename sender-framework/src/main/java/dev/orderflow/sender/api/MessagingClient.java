package dev.orderflow.sender.api;

import dev.orderflow.schema.NotificationRequested;

/**
 * Sends one notification through a platform's API. Implementations never throw for an API or
 * network failure: they return {@link SendOutcome.Failed} classified by the platform's {@link
 * ErrorClassifier}.
 */
public interface MessagingClient extends AutoCloseable {

  SendOutcome send(NotificationRequested notification, Credentials credentials);

  /** A cheap call proving the token addresses the configured account (e.g. GET /{id}). */
  SendOutcome probe(Credentials credentials);

  /**
   * True when every send carries the notification id in a field the platform echoes in its status
   * webhooks (WhatsApp's biz_opaque_callback_data): a status then names its notification even when
   * the send's answer was lost, so a possibly-sent attempt waits for one instead of resending at
   * once. False (Instagram has no such field): statuses are matched by message id only.
   */
  default boolean statusesNameNotification() {
    return false;
  }

  @Override
  void close();
}
