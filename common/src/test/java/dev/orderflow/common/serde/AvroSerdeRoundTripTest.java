package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmittedOrder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {
  private static final String TOPIC = "orders.created.v1";
  private static final String REGISTRY_URL = "http://127.0.0.1:1/unused";

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerdeConfig config = AvroSerdeConfig.localStack(REGISTRY_URL);

  static Stream<SpecificRecordBase> contracts() {
    return Stream.of(
        Contracts.submittedOrder(), Contracts.orderCreated(), Contracts.notificationRequested());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  @SuppressWarnings("unchecked")
  <T extends SpecificRecordBase> void everyContractRoundTripsThroughTheWireFormat(T record) {
    try (AvroSerde<T> serde = new AvroSerde<>(registry, config, (Class<T>) record.getClass())) {
      byte[] bytes = serde.serializer().serialize(TOPIC, record);

      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(record);
    }
  }

  @Test
  void theBytesAreMagicByteThenBigEndianSchemaIdThenPlainAvroBinary() throws Exception {
    // Given
    OrderCreated order = Contracts.orderCreated();

    // When
    byte[] bytes = new AvroSerializer<OrderCreated>(registry, config).serialize(TOPIC, order);

    // Then
    int registeredId = registry.latest(TOPIC + "-value").id();
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(order));
  }

  @Test
  void valuesAndKeysRegisterUnderTopicNameStrategySubjects() {
    new AvroSerializer<OrderCreated>(registry, config).serialize(TOPIC, Contracts.orderCreated());
    new AvroSerializer<OrderCreated>(registry, config.forKeys())
        .serialize(TOPIC, Contracts.orderCreated());

    assertThat(registry.latest("orders.created.v1-value").version()).isEqualTo(1);
    assertThat(registry.latest("orders.created.v1-key").version()).isEqualTo(1);
  }

  @Test
  void theRegisteredSchemaIsTheAvscContractWithoutJavaOnlyHints() {
    new AvroSerializer<OrderCreated>(registry, config).serialize(TOPIC, Contracts.orderCreated());

    assertThat(registry.latest(TOPIC + "-value").schema())
        .isEqualTo(Contracts.schemaResource("/avro/OrderCreated.avsc"))
        .extracting(Object::toString)
        .asString()
        .doesNotContain("avro.java.string");
  }

  @Test
  void aGenericDeserializerReadsSpecificRecordsShapedAsWritten() {
    byte[] bytes =
        new AvroSerializer<SubmittedOrder>(registry, config)
            .serialize(TOPIC, Contracts.submittedOrder());

    GenericRecord read = AvroDeserializer.generic(registry).deserialize(TOPIC, bytes);

    assertThat(read.getSchema().getFullName()).isEqualTo("dev.orderflow.schema.SubmittedOrder");
    assertThat(read.get("orderId")).hasToString("LG-2025-000123");
    assertThat(read.get("totalMinor")).isEqualTo(138_000_000L);
    assertThat(read.get("submittedAt")).isEqualTo(Contracts.SUBMITTED_AT.toEpochMilli());
  }

  @Test
  void aGenericRecordWrittenWithTheContractSchemaReadsIntoTheGeneratedClass() {
    // Given: a record built by code that never saw the generated class
    GenericRecord plain =
        Contracts.genericSubmittedOrder(Contracts.schemaResource("/avro/SubmittedOrder.avsc"));

    // When
    byte[] bytes = new AvroSerializer<GenericRecord>(registry, config).serialize(TOPIC, plain);

    // Then
    assertThat(new AvroDeserializer<>(registry, SubmittedOrder.class).deserialize(TOPIC, bytes))
        .isEqualTo(Contracts.submittedOrder());
  }

  @Test
  void nullIsATombstoneBothWaysButAnEmptyArrayIsAnError() {
    AvroSerde<NotificationRequested> serde =
        new AvroSerde<>(registry, config, NotificationRequested.class);

    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[0]))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.TOO_SHORT));
  }

  @Test
  void withAutoRegisterOffAnUnregisteredSchemaFailsNamingSubjectAndSchema() {
    AvroSerializer<OrderCreated> production =
        new AvroSerializer<>(registry, AvroSerdeConfig.production(REGISTRY_URL));

    assertThatThrownBy(() -> production.serialize(TOPIC, Contracts.orderCreated()))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(WireFormatException.Kind.SCHEMA_NOT_REGISTERED);
              assertThat(e.kind().systemic()).isTrue();
            })
        .hasMessageContaining("orders.created.v1-value")
        .hasMessageContaining("dev.orderflow.schema.OrderCreated")
        .hasMessageContaining("auto-registration is off");
  }

  @Test
  void withAutoRegisterOffAPreRegisteredSchemaIsLookedUpAndUsed() {
    // Given: provisioning registered the .avsc file
    int id =
        registry.register(TOPIC + "-value", Contracts.schemaResource("/avro/OrderCreated.avsc"));

    // When
    byte[] bytes =
        new AvroSerializer<OrderCreated>(registry, AvroSerdeConfig.production(REGISTRY_URL))
            .serialize(TOPIC, Contracts.orderCreated());

    // Then
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void aRecordThatDoesNotFitItsSchemaIsInvalidAndRegistersNothing() {
    OrderCreated missingFields = new OrderCreated(); // every required field null

    assertThatThrownBy(
            () ->
                new AvroSerializer<OrderCreated>(registry, config).serialize(TOPIC, missingFields))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.INVALID_RECORD))
        .hasMessageContaining("OrderCreated")
        .hasMessageContaining("null");
    assertThat(registry.isCompatible(TOPIC + "-value", OrderCreated.getClassSchema())).isTrue();
    assertThatThrownBy(() -> registry.latest(TOPIC + "-value")).hasMessageContaining("no subject");
  }

  @Test
  void serializingWithoutATopicFailsAsMissingTopic() {
    assertThatThrownBy(
            () ->
                new AvroSerializer<OrderCreated>(registry, config)
                    .serialize(null, Contracts.orderCreated()))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.MISSING_TOPIC));
  }

  @Test
  void theWriterSchemaIsFetchedOncePerIdNotOncePerRecord() {
    // Given
    CountingRegistry counting = new CountingRegistry();
    byte[] bytes =
        new AvroSerializer<OrderCreated>(counting, config)
            .serialize(TOPIC, Contracts.orderCreated());
    AvroDeserializer<OrderCreated> deserializer =
        new AvroDeserializer<>(counting, OrderCreated.class);

    // When
    for (int i = 0; i < 50; i++) {
      assertThat(deserializer.deserialize(TOPIC, bytes).getTotalMinor()).isEqualTo(138_000_000L);
    }

    // Then
    assertThat(counting.schemaByIdCalls).hasValue(1);
  }

  private static byte[] plainAvro(SpecificRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(
            record.getSchema(), SpecificData.getForClass(record.getClass()))
        .write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
