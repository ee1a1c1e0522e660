package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.sender.consume.AssignmentListener;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.consume.ConsumptionGate;
import dev.orderflow.sender.consume.DueGate;
import dev.orderflow.sender.consume.KeyOrderedConsumer;
import dev.orderflow.sender.consume.LoopHooks;
import dev.orderflow.sender.metrics.SenderMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The sender's consume loop against the real broker, on a partition whose committed offset was
 * deleted (as retention does) before the group came back to it.
 */
class OffsetResetIT {
  private static final byte[] KEY = "buyer-1".getBytes(StandardCharsets.UTF_8);

  private final String id = "it-reset-" + UUID.randomUUID();
  private final String topic = id + ".retry.30s";
  private final String group = id + "-sender";
  private final TopicPartition partition = new TopicPartition(topic, 0);
  private final KafkaSettings kafka =
      new KafkaSettings(KafkaConfig.plaintext(SenderHarness.BOOTSTRAP));
  private final Admin admin = Admin.create(kafka.admin(id + "-admin"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger resetLogger =
      (Logger) LoggerFactory.getLogger("dev.orderflow.sender.consume.OffsetResets");
  private Thread loopThread;
  private KeyOrderedConsumer loop;

  @AfterEach
  void close() throws Exception {
    if (loop != null) {
      loop.stop();
      loop.awaitStopped(Duration.ofSeconds(20));
    }
    resetLogger.detachAppender(log);
    admin.deleteTopics(List.of(topic)).all().get();
    admin.close();
  }

  @Test
  void aCommittedOffsetDeletedFromTheLogIsLoggedCountedAndReadOnFromTheLogStart() throws Exception {
    // Given ten records of one key (the loop keeps order per key only), the group committed at 3,
    // and records 0..6 deleted from the log
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    produce(10);
    admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(3))).all().get();
    admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(7))).all().get();
    log.start();
    resetLogger.addAppender(log);

    // When the sender's loop joins the group with the senders' policy
    ConcurrentLinkedQueue<Long> handled = new ConcurrentLinkedQueue<>();
    SenderMetrics metrics = new SenderMetrics(registry, "it");
    LoopHooks hooks =
        new LoopHooks(
            DueGate.ALWAYS_DUE,
            ConsumptionGate.ALWAYS_OPEN,
            AssignmentListener.NONE,
            reset -> metrics.offsetReset(reset.partition().topic(), reset.skipped()));
    loop =
        new KeyOrderedConsumer(
            new KafkaConsumer<>(
                kafka.consumer(group, id, IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
            Set.of(topic),
            record -> handled.add(record.offset()),
            new ConsumerLoopConfig(
                10, 100, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2)),
            hooks,
            Clock.systemUTC());
    loopThread = Thread.ofPlatform().name(id).start(loop);

    // Then the records still held are handled, from the log start on
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(handled).containsExactly(7L, 8L, 9L));

    // And the reset was logged at WARN with the partition, both offsets and the four skipped
    assertThat(log.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("partition=" + partition, "committed=3", "position=7", "skipped=4");

    // And counted, with the offsets skipped
    assertThat(registry.get("sender.consumer.offset-resets").tag("topic", topic).counter().count())
        .isEqualTo(1.0);
    assertThat(
            registry.get("sender.consumer.offsets-skipped").tag("topic", topic).counter().count())
        .isEqualTo(4.0);
  }

  private void produce(int count) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.producer(id + "-producer"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < count; i++) {
        byte[] value = ("n-" + i).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, 0, KEY, value)).get();
      }
    }
  }
}
