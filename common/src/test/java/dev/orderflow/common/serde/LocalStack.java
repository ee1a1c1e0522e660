package dev.orderflow.common.serde;

import static org.awaitility.Awaitility.await;

import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The shared local stack's registry and broker (dev/start.sh), as the ITs reach them. */
final class LocalStack {
  static final String REGISTRY_URL =
      System.getenv().getOrDefault("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
  static final String BOOTSTRAP_SERVERS =
      System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  private static final Duration STARTING = Duration.ofMinutes(2);

  private LocalStack() {}

  /** A name no other test uses, so tests never see each other's subjects or records. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Waits, bounded, for the registry: the stack may still be starting when the ITs begin. */
  static void awaitRegistry() {
    try (SchemaRegistryClient client = new SchemaRegistryClient(REGISTRY_URL)) {
      await("schema registry at " + REGISTRY_URL)
          .atMost(STARTING)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> answers(client));
    }
  }

  private static boolean answers(SchemaRegistryClient client) {
    try {
      client.latest(unique("probe"));
      return true;
    } catch (SchemaRegistryException e) {
      return e.isNotFound();
    }
  }

  /** Creates single-partition topics, waiting (bounded) for the broker to be there. */
  static void createTopics(String... names) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            BOOTSTRAP_SERVERS,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) STARTING.toMillis());
    try (Admin admin = Admin.create(config)) {
      List<NewTopic> topics =
          java.util.Arrays.stream(names).map(n -> new NewTopic(n, 1, (short) 1)).toList();
      admin.createTopics(topics).all().get(STARTING.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics on " + BOOTSTRAP_SERVERS + ": " + e, e);
    }
  }

  static void deleteTopics(String... names) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
      admin.deleteTopics(List.of(names)).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Cleanup only: a leftover uniquely named topic harms no other test.
    }
  }
}
