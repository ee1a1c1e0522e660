package dev.orderflow.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Pinned to the in-process KRaft cluster, so it runs even when a stack is configured. */
@RealStack(kafka = KafkaMode.IN_PROCESS)
class InProcessKafkaIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void producedRecordIsReadBackFromTheInProcessCluster(TestStack stack) throws Exception {
    // Given
    String topic = stack.uniqueTopic("orders.created");
    stack.createTopic(topic, 3);

    // When
    stack
        .producer()
        .send(new ProducerRecord<>(topic, bytes("order-1"), bytes("hello")))
        .get(20, TimeUnit.SECONDS);

    // Then
    List<ConsumerRecord<byte[], byte[]>> records = stack.drain(topic, 1, WAIT);
    assertThat(stack.kafkaMode()).isEqualTo(KafkaMode.IN_PROCESS);
    assertThat(stack.admin().describeTopics(List.of(topic)).allTopicNames().get())
        .hasEntrySatisfying(topic, d -> assertThat(d.partitions()).hasSize(3));
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(new String(r.key(), UTF_8)).isEqualTo("order-1");
              assertThat(new String(r.value(), UTF_8)).isEqualTo("hello");
            });
  }

  @Test
  void collectorSeesCommittedTransactionsOnly(TestStack stack) {
    // Given
    String topic = stack.uniqueTopic("notify.whatsapp");
    stack.createTopic(topic, 1);
    Properties props = stack.producerProperties();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("tx"));

    // When
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, bytes("aborted")));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, bytes("committed")));
      producer.commitTransaction();
    }

    // Then: the aborted record sits at a lower offset, so it would come first if it were visible.
    assertThat(stack.drain(topic, 1, WAIT))
        .extracting(r -> new String(r.value(), UTF_8))
        .containsExactly("committed");
  }

  @Test
  void drainingATopicThatNeverGetsRecordsFailsSayingHowManyArrived(TestStack stack) {
    String topic = stack.uniqueTopic("never.created");

    assertThatThrownBy(() -> stack.drain(topic, 1, Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected at least 1 records on " + topic + " within PT1S, got 0");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
