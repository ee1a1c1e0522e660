package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmittedOrder;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Records written with an earlier contract version are read with the current generated class. */
class SchemaEvolutionTest {
  private static final String TOPIC = "orders.submitted.v1";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerdeConfig config = AvroSerdeConfig.localStack("http://127.0.0.1:1/unused");

  @Test
  void aSubmittedOrderWrittenWithV1ReadsAsTheV2ClassWithNoNote() {
    // Given: a vendor still on v1, which has no note
    Schema v1 = Contracts.schemaResource("/avro/history/SubmittedOrder/v1.avsc");
    byte[] bytes =
        new AvroSerializer<GenericRecord>(registry, config)
            .serialize(TOPIC, Contracts.genericSubmittedOrder(v1));

    // When
    SubmittedOrder read =
        new AvroDeserializer<>(registry, SubmittedOrder.class).deserialize(TOPIC, bytes);

    // Then
    SubmittedOrder expected = Contracts.submittedOrder();
    expected.setNote(null);
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void anOrderCreatedWrittenWithV1ReadsAsTheV2Class() {
    // Given: the v2 record minus its note, written with v1
    Schema v1 = Contracts.schemaResource("/avro/history/OrderCreated/v1.avsc");
    OrderCreated current = Contracts.orderCreated();
    GenericRecord old = new GenericData.Record(v1);
    for (Schema.Field field : v1.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }
    old.put("submittedAt", current.getSubmittedAt().toEpochMilli()); // generic: no Instant
    old.put("createdAt", current.getCreatedAt().toEpochMilli());
    byte[] bytes =
        new AvroSerializer<GenericRecord>(registry, config).serialize("orders.created.v1", old);

    // When
    OrderCreated read =
        new AvroDeserializer<>(registry, OrderCreated.class)
            .deserialize("orders.created.v1", bytes);

    // Then
    assertThat(read).isEqualTo(current);
    assertThat(registry.latest("orders.created.v1-value").schema()).isEqualTo(v1);
  }

  @Test
  void bothVersionsInOneSubjectAreReadByTheSameDeserializer() {
    // Given: v1 then v2 registered under one subject, as a rolling upgrade of vendors does
    Schema v1 = Contracts.schemaResource("/avro/history/SubmittedOrder/v1.avsc");
    AvroSerializer<GenericRecord> generic = new AvroSerializer<>(registry, config);
    byte[] old = generic.serialize(TOPIC, Contracts.genericSubmittedOrder(v1));
    byte[] current =
        new AvroSerializer<SubmittedOrder>(registry, config)
            .serialize(TOPIC, Contracts.submittedOrder());
    AvroDeserializer<SubmittedOrder> deserializer =
        new AvroDeserializer<>(registry, SubmittedOrder.class);

    // Then
    assertThat(registry.latest(TOPIC + "-value").version()).isEqualTo(2);
    assertThat(deserializer.deserialize(TOPIC, old).getNote()).isNull();
    assertThat(deserializer.deserialize(TOPIC, current).getNote()).startsWith("Delivery to Lekki");
  }

  @Test
  void anIncompatibleNextVersionIsRefusedByTheRegistryWhenAutoRegistering() {
    // Given: v2 registered; the next version adds a required field without a default
    new AvroSerializer<SubmittedOrder>(registry, config)
        .serialize(TOPIC, Contracts.submittedOrder());
    Schema breaking =
        Contracts.withNewRequiredField(
            Contracts.schemaResource("/avro/SubmittedOrder.avsc"), "salesChannel");
    GenericRecord record = Contracts.genericSubmittedOrder(breaking);
    record.put("salesChannel", "instagram");

    // When / Then
    assertThatThrownBy(
            () -> new AvroSerializer<GenericRecord>(registry, config).serialize(TOPIC, record))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.INCOMPATIBLE_SCHEMA))
        .hasMessageContaining("orders.submitted.v1-value");
  }
}
