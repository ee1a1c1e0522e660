package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.MISSING_TOPIC;

import dev.orderflow.common.registry.SchemaRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated (specific) or generic Avro records in the Confluent wire format, the writer
 * schema being the record's own, registered under {@code <topic>-value} or {@code <topic>-key}. A
 * null record is written as null, Kafka's tombstone.
 */
public final class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {
  private final Map<WriterKey, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  private RegistryRef registry;
  private WriterSchemaIds schemaIds;

  /** For Kafka to create from a class name; {@link #configure} must follow. */
  public AvroSerializer() {}

  /** With its own registry client, closed by {@link #close()}. */
  public AvroSerializer(AvroSerdeConfig config) {
    init(RegistryRef.owned(config), config);
  }

  /** With a shared registry client, which {@link #close()} leaves open. */
  public AvroSerializer(SchemaRegistry registry, AvroSerdeConfig config) {
    init(RegistryRef.borrowed(registry), config);
  }

  /** Reads {@link AvroSerdeConfig}'s properties; ignored when a constructor already configured. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (schemaIds == null) {
      AvroSerdeConfig config = AvroSerdeConfig.fromMap(configs, isKey);
      init(RegistryRef.owned(config), config);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (topic == null) {
      throw new WireFormatException(MISSING_TOPIC, null, "a topic is needed to name the subject");
    }
    if (schemaIds == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    // Encode first: a record that does not fit its schema must not register that schema.
    byte[] framed = AvroBinary.encodeAfterHeader(topic, writerFor(data), data);
    return WireFormat.writeHeader(framed, schemaIds.idFor(topic, data.getSchema()));
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.release();
    }
  }

  private void init(RegistryRef registry, AvroSerdeConfig config) {
    this.registry = registry;
    this.schemaIds = new WriterSchemaIds(registry.registry(), config);
  }

  private DatumWriter<T> writerFor(T datum) {
    return writers.computeIfAbsent(
        new WriterKey(datum.getClass(), datum.getSchema()),
        key ->
            datum instanceof SpecificRecord
                ? new SpecificDatumWriter<>(key.schema(), SpecificData.getForClass(key.type()))
                : new GenericDatumWriter<>(key.schema(), GenericData.get()));
  }

  private record WriterKey(Class<?> type, Schema schema) {}
}
