package dev.orderflow.sender.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * Everything platform-specific a sender needs; the framework does the rest. {@link #name()} is the
 * lower-case name used in topic names ({@code notify.<name>.v1}) and metric tags.
 */
public interface Platform {

  String name();

  /** Reads this platform's token and account id from the shared credentials secret. */
  Credentials credentialsFrom(JsonNode secret);

  MessagingClient client(PlatformClientConfig config);

  /**
   * The platform Meta's status webhooks name ({@code DeliveryStatus.platform}), by default the one
   * of the same name; empty when there is none, and the sender then applies no statuses.
   */
  default Optional<dev.orderflow.schema.Platform> statusPlatform() {
    return Arrays.stream(dev.orderflow.schema.Platform.values())
        .filter(p -> p.name().equalsIgnoreCase(name()))
        .findFirst();
  }
}
