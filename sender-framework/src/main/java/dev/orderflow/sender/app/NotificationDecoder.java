package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroDeserializer;
import dev.orderflow.schema.NotificationRequested;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes {@code NotificationRequested} in the Confluent wire format. The writer schema comes from
 * the id in the bytes, so a copy on a delay tier decodes like the original on the main topic.
 */
public final class NotificationDecoder
    implements Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> {
  private final AvroDeserializer<NotificationRequested> deserializer;

  NotificationDecoder(AvroDeserializer<NotificationRequested> deserializer) {
    this.deserializer = deserializer;
  }

  public static NotificationDecoder from(ConfigSource config) {
    // The client lives as long as the sender: built from RegistryConfig, so credentials and the
    // truststore apply.
    RegistryConfig registry = RegistryConfig.from(config);
    return new NotificationDecoder(
        new AvroDeserializer<>(
            new SchemaRegistryClient(registry.clientConfig()), NotificationRequested.class));
  }

  @Override
  public NotificationRequested apply(ConsumerRecord<byte[], byte[]> record) {
    NotificationRequested notification =
        deserializer.deserialize(record.topic(), record.headers(), record.value());
    if (notification == null) {
      throw new IllegalArgumentException("empty value (tombstone)");
    }
    return notification;
  }
}
