package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.StatusError;
import dev.orderflow.sender.fakes.Notifications;
import dev.orderflow.sender.ledger.DynamoDeliveryLedger;
import dev.orderflow.sender.ledger.LedgerConfig;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.status.KafkaStatusDeadLetters;
import dev.orderflow.sender.status.StatusApplier;
import dev.orderflow.sender.status.StatusUpdater;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Status webhooks as meta-webhooks writes them (Confluent wire format through the real registry)
 * applied to a real ledger on dynalite, and a failed delivery dead-lettered from the record that
 * was really sent, on the real broker.
 */
@RealStack
class StatusUpdaterIT {
  private static final Instant NOW = Instant.now();

  @Test
  void statusesReachTheLedgerAndAFailedDeliveryBecomesADeadLetterOfTheSentRecord(TestStack stack)
      throws Exception {
    String main = stack.uniqueTopic("notify.whatsapp");
    String statuses = stack.uniqueTopic("notify.status");
    String dlq = stack.uniqueTopic("notify.whatsapp.dlq");
    stack.createTopics(1, main, statuses, dlq);
    String table = stack.uniqueTable("ledger");
    stack.createTable(table, "notificationId");
    var ledger =
        new DynamoDeliveryLedger(
            stack.dynamoDb(), new LedgerConfig(table, Duration.ofSeconds(60), Duration.ofDays(1)));
    String registry = stack.registryUrl().toString();
    KafkaProducer<byte[], byte[]> producer = stack.producer();

    // Given two notifications sent from the main topic, as the sender records them
    byte[] valueB;
    RecordCoordinates sourceA;
    RecordCoordinates sourceB;
    try (var serializer =
        new AvroSerializer<NotificationRequested>(AvroSerdeConfig.localStack(registry))) {
      NotificationRequested a = Notifications.notification("st-a", "buyer-a");
      NotificationRequested b = Notifications.notification("st-b", "buyer-b");
      sourceA = send(producer, main, serializer.serialize(main, a));
      valueB = serializer.serialize(main, b);
      sourceB = send(producer, main, valueB);
      for (var sent :
          List.of(
              Map.entry(a.getNotificationId(), sourceA),
              Map.entry(b.getNotificationId(), sourceB))) {
        ledger.claim(sent.getKey(), "run", NOW);
        ledger.sent(sent.getKey(), "wamid." + sent.getKey(), sent.getValue(), NOW);
      }
    }

    // And the status topic holds, in order: a record that is no status, A delivered then read,
    // and B failed (twice, as Meta may deliver a webhook again)
    producer.send(new ProducerRecord<>(statuses, "junk".getBytes(), new byte[] {0, 0, 0, 0, 9}));
    try (var serializer =
        new AvroSerializer<DeliveryStatus>(AvroSerdeConfig.localStack(registry))) {
      for (DeliveryStatus status :
          List.of(
              status("st-a:whatsapp", DeliveryState.DELIVERED),
              status("st-a:whatsapp", DeliveryState.READ),
              failed("st-b:whatsapp"),
              failed("st-b:whatsapp"))) {
        producer
            .send(
                new ProducerRecord<>(
                    statuses,
                    status.getMessageId().getBytes(),
                    serializer.serialize(statuses, status)))
            .get();
      }
    }

    // When the updater runs
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SenderMetrics metrics = new SenderMetrics(meters, "whatsapp");
    var deadLetters =
        new KafkaStatusDeadLetters(
            stack.consumer(stack.uniqueName("reader")),
            producer,
            new HopRecords("whatsapp-sender"),
            dlq,
            Clock.systemUTC());
    var applier =
        new StatusApplier(Platform.WHATSAPP, ledger, deadLetters, metrics, Clock.systemUTC());
    Topic<byte[], DeliveryStatus> statusTopic =
        new Topic<>(
            statuses,
            Serdes.ByteArray(),
            new AvroSerde<>(AvroSerdeConfig.localStack(registry), DeliveryStatus.class));
    try (var updater =
        new StatusUpdater(
            stack.consumer(stack.uniqueName("status")),
            statusTopic,
            applier,
            metrics,
            Sleeper.REAL)) {
      Thread.ofPlatform().start(updater);

      // Then A is read, and B is FAILED with exactly one dead letter: the record that was sent
      List<ConsumerRecord<byte[], byte[]>> letters = stack.drain(dlq, 1, Duration.ofSeconds(60));
      assertThat(letters).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = letters.getFirst();
      assertThat(letter.value()).isEqualTo(valueB);
      assertThat(header(letter, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131026");
      assertThat(header(letter, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
      assertThat(header(letter, HeaderNames.DLQ_PLATFORM_MESSAGE_ID))
          .isEqualTo("wamid.st-b:whatsapp");
      assertThat(header(letter, HeaderNames.DLQ_ORIGINAL_OFFSET))
          .isEqualTo(Long.toString(sourceB.offset()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "READ".equals(text(stack, table, "st-a:whatsapp", "deliveryStatus")));
      assertThat(text(stack, table, "st-b:whatsapp", "state")).isEqualTo("FAILED");
      assertThat(meters.get("sender.statuses").tag("result", "undecodable").counter().count())
          .isEqualTo(1);
      try (var collector = stack.collector(dlq)) {
        assertThat(collector.toEnd(Duration.ofSeconds(10))).hasSize(1);
      }
    }
  }

  private static RecordCoordinates send(
      KafkaProducer<byte[], byte[]> producer, String topic, byte[] value) throws Exception {
    RecordMetadata m = producer.send(new ProducerRecord<>(topic, "k".getBytes(), value)).get();
    return new RecordCoordinates(m.topic(), m.partition(), m.offset());
  }

  private static DeliveryStatus status(String notificationId, DeliveryState state) {
    return DeliveryStatus.newBuilder()
        .setPlatform(Platform.WHATSAPP)
        .setMessageId("wamid." + notificationId)
        .setStatus(state)
        .setOccurredAt(NOW)
        .setRecipientId("+2348031234567")
        .setBizOpaqueCallbackData(notificationId)
        .setReceivedAt(NOW)
        .build();
  }

  private static DeliveryStatus failed(String notificationId) {
    DeliveryStatus status = status(notificationId, DeliveryState.FAILED);
    status.setErrors(
        List.of(
            StatusError.newBuilder().setCode(131026).setTitle("Message undeliverable").build()));
    return status;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String text(TestStack stack, String table, String id, String attribute) {
    AttributeValue value =
        stack
            .dynamoDb()
            .getItem(
                r -> r.tableName(table).key(Map.of("notificationId", AttributeValue.fromS(id))))
            .item()
            .get(attribute);
    return value == null ? null : value.s();
  }
}
