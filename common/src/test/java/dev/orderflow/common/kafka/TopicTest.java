package dev.orderflow.common.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class TopicTest {
  private final Topic<String, Long> topic =
      new Topic<>(TopicNames.ORDERS_CREATED, Serdes.String(), Serdes.Long());

  @Test
  void recordIsAddressedToTheTopicWithItsHeaders() {
    ProducerRecord<String, Long> record =
        topic.record(
            "order-1", 42L, List.of(new RecordHeader("correlation-id", "c".getBytes(UTF_8))));

    assertThat(record.topic()).isEqualTo("orders.created.v1");
    assertThat(record.key()).isEqualTo("order-1");
    assertThat(record.value()).isEqualTo(42L);
    assertThat(record.headers().lastHeader("correlation-id")).isNotNull();
  }

  @Test
  void bytesConsumedFromTheTopicDecodeWithItsSerdes() {
    byte[] key = topic.keySerializer().serialize(topic.name(), "order-1");
    byte[] value = topic.valueSerializer().serialize(topic.name(), 42L);
    ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(topic.name(), 0, 7L, key, value);

    assertThat(topic.key(consumed)).isEqualTo("order-1");
    assertThat(topic.value(consumed)).isEqualTo(42L);
  }

  @Test
  void illegalNameIsRefused() {
    assertThatThrownBy(() -> new Topic<>("orders created", Serdes.String(), Serdes.String()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'orders created'");
  }

  @Test
  void nameComesFromConfigWithTheDefaultAsFallback() {
    ConfigSource source =
        ConfigSource.of(Map.of(), Map.of("TOPICS_ORDERS_CREATED", "staging.orders"));

    Topic<String, String> configured =
        Topic.fromConfig(
            source,
            "topics.orders-created",
            TopicNames.ORDERS_CREATED,
            Serdes.String(),
            Serdes.String());
    Topic<String, String> defaulted =
        Topic.fromConfig(
            source,
            "topics.orders-rejected",
            TopicNames.ORDERS_REJECTED,
            Serdes.String(),
            Serdes.String());

    assertThat(configured.name()).isEqualTo("staging.orders");
    assertThat(defaulted.name()).isEqualTo(TopicNames.ORDERS_REJECTED);
  }

  @Test
  void badNameFromConfigNamesTheKey() {
    ConfigSource source = ConfigSource.of(Map.of("topics.orders-created", "a/b"), Map.of());

    assertThatThrownBy(
            () ->
                Topic.fromConfig(
                    source, "topics.orders-created", "x", Serdes.String(), Serdes.String()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("topics.orders-created: expected a topic name");
  }
}
