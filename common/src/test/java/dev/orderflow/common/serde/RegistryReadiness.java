package dev.orderflow.common.serde;

import static org.awaitility.Awaitility.await;

import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits, bounded, until the registry answers API calls: its port opens before it is ready, and the
 * shared stack may still be starting when the ITs begin.
 */
final class RegistryReadiness {
  private static final Duration STARTING = Duration.ofMinutes(2);

  private RegistryReadiness() {}

  static void awaitReady(String registryUrl) {
    try (SchemaRegistryClient client = new SchemaRegistryClient(registryUrl)) {
      await("schema registry answering at " + registryUrl)
          .atMost(STARTING)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> answers(client));
    }
  }

  private static boolean answers(SchemaRegistryClient client) {
    try {
      client.latest("readiness-probe-" + UUID.randomUUID());
      return true;
    } catch (SchemaRegistryException e) {
      return e.isNotFound();
    }
  }
}
