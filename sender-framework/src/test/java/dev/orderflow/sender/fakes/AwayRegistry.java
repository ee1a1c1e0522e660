package dev.orderflow.sender.fakes;

import dev.orderflow.common.registry.CompatibilityLevel;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.registry.RegisteredSchema;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.common.serde.AvroDeserializer;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.schema.NotificationRequested;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An in-memory registry that can be made to answer every call with a failure (no answer, a 503, a
 * refusal), with the production wire-format encoder and decoder over it.
 */
public final class AwayRegistry implements SchemaRegistry {
  private final InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
  private final AvroSerializer<NotificationRequested> serializer =
      new AvroSerializer<>(schemas, AvroSerdeConfig.localStack("http://registry.invalid"));
  private final AvroDeserializer<NotificationRequested> deserializer =
      new AvroDeserializer<>(this, NotificationRequested.class);
  private volatile SchemaRegistryException failure;

  /** Every call fails with HTTP {@code status} (0: no answer) until {@link #back()}. */
  public void away(int status) {
    failure = new SchemaRegistryException("registry away", status, 0, null);
  }

  public void back() {
    failure = null;
  }

  /** The notification in the Confluent wire format, its schema registered here. */
  public byte[] encode(String topic, NotificationRequested notification) {
    return serializer.serialize(topic, notification);
  }

  /** Decodes as the sender's NotificationDecoder does. */
  public Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder() {
    return record -> deserializer.deserialize(record.topic(), new RecordHeaders(), record.value());
  }

  private void maybeFail() {
    SchemaRegistryException now = failure;
    if (now != null) {
      throw now;
    }
  }

  @Override
  public int register(String subject, org.apache.avro.Schema schema) {
    maybeFail();
    return schemas.register(subject, schema);
  }

  @Override
  public org.apache.avro.Schema schemaById(int id) {
    maybeFail();
    return schemas.schemaById(id);
  }

  @Override
  public int idOf(String subject, org.apache.avro.Schema schema) {
    maybeFail();
    return schemas.idOf(subject, schema);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    maybeFail();
    return schemas.latest(subject);
  }

  @Override
  public boolean isCompatible(String subject, org.apache.avro.Schema schema) {
    maybeFail();
    return schemas.isCompatible(subject, schema);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    maybeFail();
    schemas.setCompatibility(subject, level);
  }
}
