package dev.orderflow.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.PlatformClientConfig;

/**
 * The real platform under a name of its own, so a test's topics ({@code notify.<name>.*}) are its
 * own on the shared broker.
 */
record RenamedPlatform(String name, Platform real) implements Platform {

  @Override
  public Credentials credentialsFrom(JsonNode secret) {
    return real.credentialsFrom(secret);
  }

  @Override
  public MessagingClient client(PlatformClientConfig config) {
    return real.client(config);
  }
}
