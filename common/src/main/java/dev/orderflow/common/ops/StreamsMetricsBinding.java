package dev.orderflow.common.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kept apart from {@link Metrics} so that only services that bind Kafka Streams load the Streams
 * classes; the senders do not ship kafka-streams.
 */
final class StreamsMetricsBinding {
  private StreamsMetricsBinding() {}

  static AutoCloseable bind(KafkaStreams streams, MeterRegistry registry) {
    KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
    binder.bindTo(registry);
    return binder;
  }
}
