package dev.orderflow.sender.delivery;

import static dev.orderflow.sender.delivery.DeliveryFixture.DLQ;
import static dev.orderflow.sender.delivery.DeliveryFixture.MAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.CircuitProber;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.fakes.AwayRegistry;
import dev.orderflow.sender.fakes.Notifications;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A registry away pauses the channel; only a registry refusal makes a dead letter. */
class RegistryOutageTest {
  private final AwayRegistry registry = new AwayRegistry();
  private final DeliveryFixture f = new DeliveryFixture(registry.decoder());
  private final CircuitProber prober =
      new CircuitProber(
          f.circuit,
          reason -> reason == OpenReason.REGISTRY ? f.handler.probeRegistry() : metaProbe(),
          Duration.ofMinutes(5));

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {SchemaRegistryException.NO_RESPONSE, 503})
  void aRegistryThatCannotBeReachedPausesTheChannelAndTheRecordIsSentOnceItAnswers(int status)
      throws Exception {
    // Given a notification whose writer schema this sender has not fetched yet, and the registry
    // then away
    NotificationRequested n = Notifications.notification("order-1", "buyer-1");
    ConsumerRecord<byte[], byte[]> record =
        f.record(MAIN, registry.encode(MAIN, n), new RecordHeaders());
    registry.away(status);

    // When it arrives
    Thread worker = Thread.ofVirtual().start(() -> handleQuietly(record));

    // Then the channel pauses for the registry, readiness with it, and the record waits: not
    // dead-lettered, not finished (so not committed), nothing sent
    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.REGISTRY);
    assertThat(f.count("sender.channel.pauses", "reason", "REGISTRY")).isEqualTo(1);
    assertThat(prober.probeOnce()).isFalse();
    assertThat(worker.isAlive()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
    assertThat(f.client.calls()).isZero();

    // And once the registry answers, the probe passes, the record is decoded again and sent
    registry.back();
    assertThat(prober.probeOnce()).isTrue();
    assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
    assertThat(f.client.delivered()).containsExactly("order-1:whatsapp");
    assertThat(f.circuit.isClosed()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
  }

  @Test
  void aRegistryRefusalOfTheSchemaIdIsOneDeadLetterAndTheChannelStaysUp() throws Exception {
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(424242).array();

    f.handler.handle(f.record(MAIN, unknownId, new RecordHeaders()));

    assertThat(f.forwarder.to(DLQ)).hasSize(1);
    assertThat(f.forwarder.to(DLQ).get(0).value()).isEqualTo(unknownId);
    assertThat(f.circuit.isClosed()).isTrue();
    assertThat(f.count("sender.channel.pauses", "reason", "REGISTRY")).isZero();
  }

  @Test
  void anInterruptWhileWaitingForTheRegistryAbandonsTheRecordWithoutADeadLetter() throws Exception {
    NotificationRequested n = Notifications.notification("order-2", "buyer-2");
    ConsumerRecord<byte[], byte[]> record =
        f.record(MAIN, registry.encode(MAIN, n), new RecordHeaders());
    registry.away(502);
    boolean[] abandoned = new boolean[1];
    Thread worker =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    f.handler.handle(record);
                  } catch (InterruptedException e) {
                    abandoned[0] = true;
                  }
                });
    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);

    worker.interrupt();

    assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
    assertThat(abandoned[0]).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
  }

  private boolean metaProbe() {
    return f.client.probe(f.credentials.current()) instanceof SendOutcome.Sent;
  }

  private void handleQuietly(ConsumerRecord<byte[], byte[]> record) {
    try {
      f.handler.handle(record);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
