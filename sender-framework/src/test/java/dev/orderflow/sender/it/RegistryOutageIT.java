package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderService;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.fakes.Notifications;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The production decoder reaching the real registry through a relay that answers 503 for a while:
 * the sender pauses (readiness down) without a dead letter, and delivers once the registry is back.
 */
class RegistryOutageIT {
  private static final String REGISTRY =
      LocalAws.env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");

  @Test
  void aRegistryOutagePausesTheSenderAndTheNotificationIsDeliveredWhenItIsBack() throws Exception {
    try (SenderHarness stack = new SenderHarness(1, 100);
        RegistryRelay relay = new RegistryRelay(URI.create(REGISTRY))) {
      // Given a sender whose registry is away
      relay.down();
      NotificationDecoder decoder =
          NotificationDecoder.from(
              ConfigSource.of(Map.of("schema.registry.url", relay.url()), Map.of()));
      SenderService sender = stack.startSender(decoder);

      // When a notification arrives in the wire format, written while the registry was up
      NotificationRequested n =
          Notifications.notification("order-away", "buyer-away", Notifications.recipient(7));
      try (AvroSerializer<NotificationRequested> serializer =
          new AvroSerializer<>(AvroSerdeConfig.localStack(REGISTRY))) {
        byte[] value = serializer.serialize(stack.config.mainTopic(), n);
        stack.send(new ProducerRecord<>(stack.config.mainTopic(), "buyer-away".getBytes(), value));
      }

      // Then the channel pauses for the registry: not ready, nothing sent, nothing dead-lettered
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sender.circuit().reason() == OpenReason.REGISTRY);
      assertThat(sender.ready()).isFalse();
      assertThat(stack.count("sender.channel.pauses")).isGreaterThanOrEqualTo(1);
      assertThat(stack.sim.messages(Platform.WHATSAPP)).isEmpty();
      assertThat(stack.deadLetters()).isEmpty();

      // And once the registry answers again the notification is delivered, with no dead letter
      relay.up();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 1);
      await().atMost(Duration.ofSeconds(10)).until(sender::ready);
      assertThat(stack.deadLetters()).isEmpty();
    }
  }
}
