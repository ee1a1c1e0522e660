package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.Notifications;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The production wiring (ServiceContext, shared Kafka and AWS settings, Confluent-wire-format Avro
 * through the real registry) delivering a notification, with health checks registered.
 */
class SenderAppIT {

  @Test
  void theLaunchedServiceDecodesWireFormatAvroAndDelivers() throws Exception {
    try (SenderHarness stack = new SenderHarness(2, 100);
        Metrics metrics = Metrics.create(stack.platformName + "-sender", "it-1")) {
      String registry =
          LocalAws.env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
      ConfigSource config =
          ConfigSource.of(
              Map.of(
                  "kafka.bootstrap.servers",
                  SenderHarness.BOOTSTRAP,
                  "schema.registry.url",
                  registry,
                  "aws.region",
                  LocalAws.env("AWS_REGION", "eu-west-1"),
                  "aws.endpoint.url",
                  LocalAws.env("AWS_ENDPOINT_URL", "http://127.0.0.1:4567"),
                  "aws.endpoint.url.secrets.manager",
                  LocalAws.env("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584"),
                  "meta.graph.url",
                  stack.simulator.baseUri().toString(),
                  "ledger.table",
                  stack.table,
                  "credentials.secret-name",
                  stack.secretName,
                  "retry.delays",
                  "1s,2s"),
              Map.of());
      HealthChecks live = new HealthChecks();
      HealthChecks ready = new HealthChecks();
      SenderApp app =
          new SenderApp(
              new ServiceContext(
                  stack.platformName + "-sender", "it-1", config, metrics, live, ready),
              stack.platform,
              NotificationDecoder.from(config));
      app.start();
      try {
        // Given a notification written as the router writes it: Confluent wire format
        NotificationRequested n =
            Notifications.notification("order-wire", "buyer-wire", Notifications.recipient(9));
        try (AvroSerializer<NotificationRequested> serializer =
            new AvroSerializer<>(AvroSerdeConfig.localStack(registry))) {
          byte[] value = serializer.serialize(stack.config.mainTopic(), n);
          stack.send(
              new ProducerRecord<>(stack.config.mainTopic(), "buyer-wire".getBytes(), value));
        }

        // Then it is delivered, and health reports live and ready
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ready.run().up());
        assertThat(live.run().up()).isTrue();
        assertThat(metrics.scrape()).contains("sender_sent_total");
      } finally {
        app.stop();
      }
    }
  }
}
