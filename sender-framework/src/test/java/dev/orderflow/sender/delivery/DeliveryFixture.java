package dev.orderflow.sender.delivery;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.circuit.ChannelCircuit;
import dev.orderflow.sender.circuit.CircuitConfig;
import dev.orderflow.sender.fakes.FakeSleeper;
import dev.orderflow.sender.fakes.InMemoryLedger;
import dev.orderflow.sender.fakes.Notifications;
import dev.orderflow.sender.fakes.RecordingForwarder;
import dev.orderflow.sender.fakes.RotatingCredentials;
import dev.orderflow.sender.fakes.ScriptedClient;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.ratelimit.ChannelRate;
import dev.orderflow.sender.ratelimit.NumberRateLimiter;
import dev.orderflow.sender.ratelimit.RecipientPacer;
import dev.orderflow.sender.ratelimit.Throttle;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.retry.RetryTopology;
import dev.orderflow.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** A delivery handler wired to fakes: scripted client, in-memory ledger, recording forwarder. */
final class DeliveryFixture {
  static final String MAIN = "notify.whatsapp.v1";
  static final String TIER_1 = "notify.whatsapp.retry.30s";
  static final String TIER_2 = "notify.whatsapp.retry.5m";
  static final String DLQ = "notify.whatsapp.dlq.v1";

  final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  final ScriptedClient client = new ScriptedClient();
  final RotatingCredentials credentials = new RotatingCredentials("token-1");
  final InMemoryLedger ledger = new InMemoryLedger(Duration.ofSeconds(30));
  final ChannelCircuit circuit =
      new ChannelCircuit(
          "whatsapp",
          new CircuitConfig(10, 5, 50f, Duration.ofSeconds(1), Duration.ofMinutes(5)),
          clock);
  final Throttle throttle = new Throttle(Duration.ofSeconds(1), Duration.ofSeconds(30), clock);
  final NumberRateLimiter limiter = new NumberRateLimiter(1_000);
  final RecipientPacer pacer = new RecipientPacer(Duration.ofSeconds(6), clock);
  final RecordingForwarder forwarder = new RecordingForwarder();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final FakeSleeper sleeper = new FakeSleeper(clock);
  final RetryTopology topology =
      RetryTopology.of(
          "whatsapp", MAIN, 3, List.of(Duration.ofSeconds(30), Duration.ofMinutes(5)), 2);
  final DeliveryHandler handler;
  private long offset = 40;

  DeliveryFixture() {
    this(Notifications::decode, false);
  }

  /** {@code statusesNameNotification}: the platform echoes the notification id (WhatsApp). */
  DeliveryFixture(boolean statusesNameNotification) {
    this(Notifications::decode, statusesNameNotification);
  }

  DeliveryFixture(Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    this(decoder, false);
  }

  private DeliveryFixture(
      Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder,
      boolean statusesNameNotification) {
    ChannelRate rate = new ChannelRate(1_000, MAIN, limiter, throttle);
    DeliveryPolicy policy =
        new DeliveryPolicy(
            Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(2))
                .withJitter(1.0)
                .withRandom(() -> 0.5),
            3,
            Duration.ofSeconds(30),
            Set.of(131056),
            statusesNameNotification,
            // As SenderConfig works it out for this 30 s lease and a 10 s call timeout.
            Duration.ofSeconds(9));
    DeliveryDeps deps =
        new DeliveryDeps(
            client,
            credentials,
            ledger,
            circuit,
            throttle,
            rate,
            limiter,
            pacer,
            forwarder,
            new HopRecords("whatsapp-sender"),
            topology,
            policy,
            new SenderMetrics(registry, "whatsapp"),
            clock,
            sleeper);
    handler = new DeliveryHandler(deps, decoder);
  }

  ConsumerRecord<byte[], byte[]> record(String topic, NotificationRequested n) {
    return record(topic, Notifications.bytes(n), new RecordHeaders());
  }

  ConsumerRecord<byte[], byte[]> record(String topic, byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        topic,
        2,
        offset++,
        1_772_359_000_000L,
        TimestampType.CREATE_TIME,
        5,
        value.length,
        "buyer-1".getBytes(),
        value,
        headers,
        java.util.Optional.empty());
  }

  double count(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }
}
