package dev.orderflow.sender.delivery;

import static dev.orderflow.sender.delivery.DeliveryFixture.DLQ;
import static dev.orderflow.sender.delivery.DeliveryFixture.MAIN;
import static dev.orderflow.sender.delivery.DeliveryFixture.TIER_1;
import static dev.orderflow.sender.fakes.ScriptedClient.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.CircuitProber;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.fakes.Notifications;
import dev.orderflow.sender.fakes.RecordingForwarder;
import dev.orderflow.sender.retry.HopRecords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A copy Kafka will never take is dead-lettered compactly, or stops the channel: never a loop. */
class CompactDeadLetterTest {
  private static final int LIMIT = 4_096;

  private final DeliveryFixture f = new DeliveryFixture();
  private final NotificationRequested big = Notifications.notification("order-big", "buyer-1");
  private byte[] value;

  CompactDeadLetterTest() {
    big.setText("x".repeat(20_000));
    value = Notifications.bytes(big);
  }

  @Test
  void aRecordTooLargeForItsDelayTierIsDeadLetteredInCompactForm() throws Exception {
    // Given a tier that takes at most 4 KiB, and a 20 KiB notification that fails three times
    f.forwarder.limit(TIER_1, LIMIT);
    f.client.then(failure(ErrorClass.RETRY, 503, 131016), 3);
    RecordHeaders headers = new RecordHeaders();
    headers.add(HeaderNames.CORRELATION_ID, "corr-big".getBytes(StandardCharsets.UTF_8));
    headers.add("vendor-noise", new byte[8_000]);

    // When it should move to the tier
    f.handler.handle(f.record(MAIN, value, headers));

    // Then it is in the dead-letter topic in compact form, and the handler is done
    assertThat(f.forwarder.to(TIER_1)).isEmpty();
    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    Headers h = dead.headers();
    assertThat(header(h, HeaderNames.DLQ_COMPACT)).isEqualTo("true");
    assertThat(header(h, HeaderNames.DLQ_COMPACT_REASON)).contains(TIER_1, "RecordTooLarge");
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_SIZE)).isEqualTo(Integer.toString(value.length));
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_SHA256)).isEqualTo(sha256(value));
    assertThat(header(h, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("RETRY");
    assertThat(header(h, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(MAIN);
    assertThat(header(h, HeaderNames.CORRELATION_ID)).isEqualTo("corr-big");
    assertThat(h.lastHeader("vendor-noise")).isNull();
    assertThat(dead.value()).isEqualTo(Arrays.copyOf(value, HopRecords.COMPACT_VALUE_MAX));
    assertThat(RecordingForwarder.size(dead)).isLessThan(LIMIT);
    assertThat(f.count("sender.dead.letters.compact", "class", "RETRY")).isEqualTo(1);
    assertThat(f.circuit.isClosed()).isTrue();
  }

  @Test
  void aDeadLetterTooLargeForTheDeadLetterTopicGoesInCompactForm() throws Exception {
    f.forwarder.limit(DLQ, LIMIT);
    f.client.then(failure(ErrorClass.PERMANENT, 400, 131026));

    f.handler.handle(f.record(MAIN, big));

    ProducerRecord<byte[], byte[]> dead = single(DLQ);
    assertThat(header(dead.headers(), HeaderNames.DLQ_COMPACT)).isEqualTo("true");
    assertThat(header(dead.headers(), HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
    assertThat(f.count("sender.dead.letters.compact", "class", "PERMANENT")).isEqualTo(1);
    assertThat(f.count("sender.dead.letters", "class", "PERMANENT")).isEqualTo(1);
  }

  @Test
  void aDeadLetterTopicThatRefusesEveryRecordStopsTheChannelUntilItIsFixed() throws Exception {
    // Given a dead-letter topic this sender may not write to
    f.forwarder.lock(DLQ);
    f.client.then(failure(ErrorClass.PERMANENT, 400, 131026));
    ConsumerRecord<byte[], byte[]> record = f.record(MAIN, big);
    Thread worker = Thread.ofVirtual().start(() -> handleQuietly(record));

    // When the record is to be dead-lettered, the channel stops: circuit FORWARD, not ready,
    // the record unfinished (so uncommitted), nothing written
    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.FORWARD);
    assertThat(f.count("sender.channel.pauses", "reason", "FORWARD")).isEqualTo(1);
    assertThat(worker.isAlive()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();

    // And it is re-checked only as rarely as a config fault; once the ACL is fixed, it lands
    CircuitProber prober = new CircuitProber(f.circuit, r -> metaProbe(), Duration.ofMinutes(5));
    assertThat(prober.probeOnce()).isFalse();
    f.forwarder.unlock(DLQ);
    f.clock.advance(Duration.ofMinutes(6));
    assertThat(prober.probeOnce()).isTrue();
    assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
    assertThat(single(DLQ).value()).isEqualTo(value);
  }

  @Test
  void aCompactDeadLetterRefusedTooStopsTheChannelInsteadOfLooping() throws Exception {
    // Given a dead-letter topic so small that not even the compact form fits
    f.forwarder.limit(DLQ, 16);
    f.client.then(failure(ErrorClass.PERMANENT, 400, 131026));
    ConsumerRecord<byte[], byte[]> record = f.record(MAIN, big);
    Thread worker = Thread.ofVirtual().start(() -> handleQuietly(record));

    await().atMost(Duration.ofSeconds(5)).until(f.circuit::isOpen);
    assertThat(f.circuit.reason()).isEqualTo(OpenReason.FORWARD);
    assertThat(worker.isAlive()).isTrue();
    assertThat(f.forwarder.records()).isEmpty();
    worker.interrupt();
    assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
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

  private ProducerRecord<byte[], byte[]> single(String topic) {
    assertThat(f.forwarder.to(topic)).hasSize(1);
    return f.forwarder.to(topic).get(0);
  }

  private static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
