package dev.orderflow.webhooks.receive;

import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.secrets.CachedJsonSecret;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.webhooks.FakeSecrets;
import dev.orderflow.webhooks.publish.EventWriter;
import dev.orderflow.webhooks.publish.WebhookTopics;
import dev.orderflow.webhooks.signature.WebhookAuthenticator;
import dev.orderflow.webhooks.signature.WebhookSecrets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;

/** A receiver over a MockProducer, an in-memory registry and a fake secret. */
final class ReceiverFixture {
  static final String APP_SECRET = "app-secret-1";
  static final String VERIFY_TOKEN = "verify-me";
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  final FakeSecrets secrets = new FakeSecrets(FakeSecrets.json(APP_SECRET, VERIFY_TOKEN));
  final MockProducer<byte[], byte[]> producer;
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final AvroSerde<DeliveryStatus> statusSerde;
  final AvroSerde<InboundMessage> inboundSerde;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final WebhookReceiver receiver;

  ReceiverFixture(boolean autoComplete, Duration writeTimeout) {
    producer =
        new MockProducer<>(
            autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    AvroSerdeConfig serde = AvroSerdeConfig.localStack("http://registry.invalid");
    statusSerde = new AvroSerde<>(registry, serde, DeliveryStatus.class);
    inboundSerde = new AvroSerde<>(registry, serde, InboundMessage.class);
    WebhookTopics topics =
        new WebhookTopics(
            new Topic<>("status", Serdes.String(), statusSerde),
            new Topic<>("inbound", Serdes.String(), inboundSerde),
            "unparsed");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CachedJsonSecret<WebhookSecrets> secret =
        new CachedJsonSecret<>(
            secrets,
            "test/meta-credentials",
            WebhookSecrets::fromSecret,
            Duration.ofMinutes(5),
            Duration.ZERO,
            clock);
    receiver =
        new WebhookReceiver(
            new WebhookAuthenticator(secret),
            new EventWriter(producer, topics, writeTimeout),
            new WebhookMetrics(meters),
            clock);
  }

  ReceiverFixture() {
    this(true, Duration.ofSeconds(5));
  }

  double count(String meter, String... tags) {
    var found = meters.find(meter).tags(tags).counter();
    return found == null ? 0 : found.count();
  }
}
