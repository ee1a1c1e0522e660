package dev.orderflow.common.serde;

import dev.orderflow.common.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro: into a generated class (reader schema = the class's schema,
 * resolved against each writer schema, so older and newer compatible writers both read), or into
 * GenericRecords shaped as written. Null bytes (a tombstone) read as null, as Kafka expects; every
 * unreadable record throws {@link WireFormatException}.
 */
public final class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {
  private RegistryRef registry;
  private DatumReaders<T> readers;

  /**
   * For Kafka to create from a class name; {@link #configure} must follow, with {@code
   * specific.avro.value.type} (or key) naming the generated class, or neither for GenericRecords.
   */
  public AvroDeserializer() {}

  /** Into a generated class, with its own registry client (closed by {@link #close()}). */
  public AvroDeserializer(AvroSerdeConfig config, Class<T> type) {
    init(RegistryRef.owned(config), specific(type));
  }

  /** Into a generated class, with a shared registry client. */
  public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
    init(RegistryRef.borrowed(registry), specific(type));
  }

  /** Into GenericRecords, with a shared registry client. */
  public static AvroDeserializer<GenericRecord> generic(SchemaRegistry registry) {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
    deserializer.init(RegistryRef.borrowed(registry), new GenericReaderModel());
    return deserializer;
  }

  /** Ignored when a constructor already configured this deserializer. */
  @Override
  @SuppressWarnings("unchecked") // the class comes from a property map; checked in specific()
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (readers != null) {
      return;
    }
    Class<?> type = AvroSerdeConfig.specificType(configs, isKey);
    ReaderModel<?> model = type == null ? new GenericReaderModel() : specific(type);
    init(RegistryRef.owned(AvroSerdeConfig.fromMap(configs, isKey)), (ReaderModel<T>) model);
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (readers == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    int schemaId = WireFormat.schemaIdOf(topic, data);
    return AvroBinary.decode(topic, schemaId, readers.forWriter(topic, schemaId), data);
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.release();
    }
  }

  private void init(RegistryRef registry, ReaderModel<T> model) {
    this.registry = registry;
    this.readers = new DatumReaders<>(registry.registry(), model);
  }

  private static <C> ReaderModel<C> specific(Class<C> type) {
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "expected a class generated from an .avsc (a SpecificRecord), got " + type);
    }
    return new SpecificReaderModel<>(type);
  }
}
