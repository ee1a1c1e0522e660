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

  @Override
  void close();
}
