package dev.orderflow.webhooks.http;

import java.util.Map;

/** What the HTTP layer hands Meta's two kinds of call to. */
public interface WebhookEndpoint {

  /** {@code GET <path>?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…}. */
  Answer handshake(Map<String, String> query);

  /** {@code POST <path>}: the raw body and its {@code X-Hub-Signature-256} header (or null). */
  Answer deliver(String signature, byte[] body);
}
