package dev.orderflow.sender.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything platform-specific a sender needs; the framework does the rest. {@link #name()} is the
 * lower-case name used in topic names ({@code notify.<name>.v1}) and metric tags.
 */
public interface Platform {

  String name();

  /** Reads this platform's token and account id from the shared credentials secret. */
  Credentials credentialsFrom(JsonNode secret);

  MessagingClient client(PlatformClientConfig config);
}
