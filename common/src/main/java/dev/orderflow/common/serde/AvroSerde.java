package dev.orderflow.common.serde;

import dev.orderflow.common.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link AvroSerializer} and {@link AvroDeserializer} together, sharing one registry client. */
public final class AvroSerde<T extends IndexedRecord> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;
  private final RegistryRef registry;

  /** For Kafka to create from a class name; {@link #configure} must follow. */
  public AvroSerde() {
    this(new AvroSerializer<>(), new AvroDeserializer<>(), null);
  }

  /** For a generated class, with its own registry client (closed by {@link #close()}). */
  public AvroSerde(AvroSerdeConfig config, Class<T> type) {
    this(RegistryRef.owned(config), config, type);
  }

  /** For a generated class, with a shared registry client. */
  public AvroSerde(SchemaRegistry registry, AvroSerdeConfig config, Class<T> type) {
    this(RegistryRef.borrowed(registry), config, type);
  }

  private AvroSerde(RegistryRef registry, AvroSerdeConfig config, Class<T> type) {
    this(
        new AvroSerializer<>(registry.registry(), config),
        new AvroDeserializer<>(registry.registry(), type),
        registry);
  }

  private AvroSerde(
      AvroSerializer<T> serializer, AvroDeserializer<T> deserializer, RegistryRef registry) {
    this.serializer = serializer;
    this.deserializer = deserializer;
    this.registry = registry;
  }

  /** For GenericRecords, with a shared registry client. */
  public static AvroSerde<GenericRecord> generic(SchemaRegistry registry, AvroSerdeConfig config) {
    return new AvroSerde<>(
        new AvroSerializer<>(registry, config),
        AvroDeserializer.generic(registry),
        RegistryRef.borrowed(registry));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
    if (registry != null) {
      registry.release();
    }
  }
}
