package dev.orderflow.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagAgeTest {
  private static final String TOPIC = "notifications.whatsapp.v1";
  private static final long NOW = 1_000_000L;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final LagAge lagAge =
      new LagAge(
          registry, "whatsapp-sender", Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
  private final Map<MetricName, Metric> clientMetrics = new HashMap<>();
  private final LagAgeInterceptor interceptor = new LagAgeInterceptor();

  LagAgeTest() {
    interceptor.configure(lagAge.consumerConfig());
    lagAge.readLagFrom(() -> clientMetrics);
  }

  @Test
  void aPartitionWithLagIsAsOldAsItsLastConsumedRecord() {
    // Given
    poll(0, NOW - 90_000, NOW - 42_000);
    poll(1, NOW - 5_000);
    recordsLag(0, 12);
    recordsLag(1, 3);

    // Then: the older partition sets the topic's age
    assertThat(registry.scrape())
        .contains(
            "consumer_lag_age_seconds{group=\"whatsapp-sender\",topic=\"" + TOPIC + "\"} 42.0");
  }

  @Test
  void aCaughtUpPartitionIsZeroSecondsOldHoweverOldItsLastRecord() {
    poll(0, NOW - 600_000);
    recordsLag(0, 0);

    assertThat(lagAge.ageSeconds(TOPIC)).isZero();
  }

  @Test
  void aPartitionNoLongerAssignedIsLeftOut() {
    // Given: partition 1 was consumed, then moved to another instance (its lag metric is gone)
    poll(0, NOW - 2_000);
    poll(1, NOW - 300_000);
    recordsLag(0, 1);

    assertThat(lagAge.ageSeconds(TOPIC)).isEqualTo(2.0);
  }

  @Test
  void aTopicWithNothingMeasuredIsUnknownNotZero() {
    poll(0, NOW - 2_000);

    assertThat(lagAge.ageSeconds(TOPIC)).isNaN();
  }

  @Test
  void theInterceptorRefusesAConfigWithoutTheTracker() {
    assertThatThrownBy(() -> new LagAgeInterceptor().configure(Map.of()))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining(LagAge.CONFIG_KEY);
  }

  @Test
  void theStreamsConfigTargetsOnlyTheMainConsumer() {
    assertThat(lagAge.streamsConfig())
        .containsEntry("main.consumer.interceptor.classes", LagAgeInterceptor.class.getName())
        .containsEntry("main.consumer." + LagAge.CONFIG_KEY, lagAge);
    interceptor.onCommit(Map.<TopicPartition, OffsetAndMetadata>of());
  }

  private void poll(int partition, long... timestamps) {
    TopicPartition tp = new TopicPartition(TOPIC, partition);
    List<ConsumerRecord<Object, Object>> records =
        java.util.stream.LongStream.of(timestamps)
            .mapToObj(
                ts ->
                    new ConsumerRecord<Object, Object>(
                        TOPIC,
                        partition,
                        0,
                        ts,
                        org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                        0,
                        0,
                        null,
                        null,
                        new org.apache.kafka.common.header.internals.RecordHeaders(),
                        java.util.Optional.empty()))
            .toList();
    interceptor.onConsume(new ConsumerRecords<>(Map.of(tp, records), Map.of()));
  }

  private void recordsLag(int partition, double lag) {
    MetricName name =
        new MetricName(
            "records-lag",
            "consumer-fetch-manager-metrics",
            "",
            Map.of(
                "client-id", "c", "topic", TOPIC.replace('.', '_'), "partition", "" + partition));
    clientMetrics.put(
        name,
        new Metric() {
          @Override
          public MetricName metricName() {
            return name;
          }

          @Override
          public Object metricValue() {
            return lag;
          }
        });
  }
}
