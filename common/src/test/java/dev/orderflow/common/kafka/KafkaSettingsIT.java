package dev.orderflow.common.kafka;

import static dev.orderflow.testsupport.RecordAssert.assertThatRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** The settings against a real broker: transactions, lz4 batches, typed topics, headers. */
@RealStack
class KafkaSettingsIT {
  @Test
  void transactionalProducerFromSettingsDeliversCommittedRecordsOnly(TestStack stack) {
    // Given
    Topic<String, String> orders =
        new Topic<>(stack.uniqueTopic("orders.created"), Serdes.String(), Serdes.String());
    stack.createTopic(orders.name(), 2);
    KafkaSettings settings =
        new KafkaSettings(KafkaConfig.plaintext(stack.kafkaBootstrapServers()));
    var props = settings.transactionalProducer("it", stack.uniqueName("order-ingest-0"));

    // When
    try (var producer =
        new KafkaProducer<>(props, orders.keySerializer(), orders.valueSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(orders.record("order-0", "aborted"));
      producer.abortTransaction();
      producer.beginTransaction();
      ProducerRecord<String, String> record = orders.record("order-1", "created");
      CorrelationIds.put(record.headers(), "c-1");
      producer.send(record);
      producer.commitTransaction();
    }

    // Then
    RecordCollector collector = stack.collector(orders.name());
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInSameThread()
        .untilAsserted(() -> assertThat(collector.poll()).hasSize(1));
    List<ConsumerRecord<byte[], byte[]>> records = collector.records();
    assertThatRecord(records.getFirst())
        .hasKey("order-1")
        .hasValue("created")
        .hasHeader(HeaderNames.CORRELATION_ID, "c-1");
    assertThat(orders.value(records.getFirst())).isEqualTo("created");
  }

  @Test
  void aMemberJoiningTheGroupRevokesOnlyThePartitionsThatMove(TestStack stack) {
    // Given member A owns both partitions of a topic
    String topic = stack.uniqueTopic("notify.whatsapp");
    stack.createTopic(topic, 2);
    KafkaSettings settings =
        new KafkaSettings(KafkaConfig.plaintext(stack.kafkaBootstrapServers()));
    String group = stack.uniqueName("whatsapp-sender");
    List<Set<TopicPartition>> revokedFromA = new CopyOnWriteArrayList<>();
    try (var a = groupMember(settings, group, "a");
        var b = groupMember(settings, group, "b")) {
      a.subscribe(List.of(topic), recording(revokedFromA));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .until(
              () -> {
                a.poll(Duration.ofMillis(100));
                return a.assignment().size() == 2;
              });

      // When member B joins
      b.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .until(
              () -> {
                a.poll(Duration.ofMillis(100));
                b.poll(Duration.ofMillis(100));
                return a.assignment().size() == 1 && b.assignment().size() == 1;
              });
    }

    // Then A gave up one partition and kept working on the other (an eager rebalance revokes both)
    assertThat(revokedFromA)
        .isNotEmpty()
        .allSatisfy(revoked -> assertThat(revoked).hasSizeLessThan(2));
  }

  private static KafkaConsumer<byte[], byte[]> groupMember(
      KafkaSettings settings, String group, String name) {
    return new KafkaConsumer<>(
        settings.consumer(
            group, group + "-" + name, IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static ConsumerRebalanceListener recording(List<Set<TopicPartition>> revoked) {
    return new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
          revoked.add(Set.copyOf(partitions));
        }
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
    };
  }
}
