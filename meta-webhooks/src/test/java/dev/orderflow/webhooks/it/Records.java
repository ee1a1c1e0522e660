package dev.orderflow.webhooks.it;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.testsupport.TestStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads what meta-webhooks wrote: keys as text, values through the real registry. */
final class Records implements AutoCloseable {
  private final AvroSerde<DeliveryStatus> statuses;
  private final AvroSerde<InboundMessage> inbound;

  Records(TestStack stack) {
    AvroSerdeConfig config = AvroSerdeConfig.localStack(stack.registryUrl().toString());
    statuses = new AvroSerde<>(config, DeliveryStatus.class);
    inbound = new AvroSerde<>(config, InboundMessage.class);
  }

  DeliveryStatus status(ConsumerRecord<byte[], byte[]> record) {
    return statuses.deserializer().deserialize(record.topic(), record.value());
  }

  InboundMessage inbound(ConsumerRecord<byte[], byte[]> record) {
    return inbound.deserializer().deserialize(record.topic(), record.value());
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  static String correlationId(ConsumerRecord<byte[], byte[]> record) {
    return KafkaHeaders.string(record.headers(), HeaderNames.CORRELATION_ID).orElse(null);
  }

  static List<String> reasons(ConsumerRecord<byte[], byte[]> record) {
    return java.util.stream.StreamSupport.stream(
            record.headers().headers(HeaderNames.UNPARSED_REASON).spliterator(), false)
        .map(Header::value)
        .map(v -> new String(v, StandardCharsets.UTF_8))
        .toList();
  }

  @Override
  public void close() {
    statuses.close();
    inbound.close();
  }
}
