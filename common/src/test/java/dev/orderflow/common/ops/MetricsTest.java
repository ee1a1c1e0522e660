package dev.orderflow.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void registryCarriesServiceAndInstanceTagsAndJvmMeters() {
    try (Metrics metrics = Metrics.create("whatsapp-sender", "pod-2")) {
      assertThat(metrics.scrape())
          .contains("service=\"whatsapp-sender\"")
          .contains("instance=\"pod-2\"")
          .contains("jvm_threads_live_threads")
          .contains("process_uptime_seconds");
    }
  }

  @Test
  void kafkaProducerMetricsAppearWhenBoundAndGoWhenUnbound() throws Exception {
    // A producer registers its metrics at construction; it needs no broker for that.
    var settings = new KafkaSettings(KafkaConfig.plaintext("127.0.0.1:1"));
    try (Metrics metrics = Metrics.create("order-ingest", "test");
        var producer =
            new KafkaProducer<>(
                settings.producer("metrics-test"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      AutoCloseable binding = metrics.bind(producer);
      assertThat(metrics.scrape()).contains("kafka_producer_");

      binding.close();
      assertThat(metrics.scrape()).doesNotContain("kafka_producer_");
      producer.close(Duration.ZERO);
    }
  }
}
