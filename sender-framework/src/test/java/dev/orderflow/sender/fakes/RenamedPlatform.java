package dev.orderflow.sender.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.api.PlatformClientConfig;
import java.util.Optional;

/**
 * A real platform under a name of its own, so a test's topics ({@code notify.<name>.*}), secret and
 * metrics are its own on the shared stack. Shipped to the platform modules' and ops-cli's tests in
 * sender-framework's test jar (only this package).
 */
public record RenamedPlatform(String name, Platform real) implements Platform {

  @Override
  public Credentials credentialsFrom(JsonNode secret) {
    return real.credentialsFrom(secret);
  }

  @Override
  public MessagingClient client(PlatformClientConfig config) {
    return real.client(config);
  }

  /** Meta's webhooks still name the real platform. */
  @Override
  public Optional<dev.orderflow.schema.Platform> statusPlatform() {
    return real.statusPlatform();
  }
}
