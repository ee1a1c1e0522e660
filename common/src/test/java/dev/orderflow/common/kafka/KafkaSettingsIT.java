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
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
}
