package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.CompatibilityLevel;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmittedOrder;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against the shared stack's real registry (Apicurio's Confluent API); subjects unique per test.
 */
@RealStack
class SchemaRegistryRoundTripIT {
  private String registryUrl;
  private SchemaRegistryClient writerSide;
  private SchemaRegistryClient readerSide;
  private String topic;

  @BeforeAll
  static void registryIsUp(TestStack stack) {
    RegistryReadiness.awaitReady(stack.registryUrl().toString());
  }

  @BeforeEach
  void clients(TestStack stack) {
    registryUrl = stack.registryUrl().toString();
    writerSide = new SchemaRegistryClient(registryUrl);
    readerSide = new SchemaRegistryClient(registryUrl);
    topic = stack.uniqueTopic("it.registry");
  }

  @AfterEach
  void closeClients() {
    writerSide.close();
    readerSide.close();
  }

  static Stream<Arguments> contracts() {
    return Stream.of(
        Arguments.of(Contracts.submittedOrder(), "/avro/SubmittedOrder.avsc"),
        Arguments.of(Contracts.orderCreated(), "/avro/OrderCreated.avsc"),
        Arguments.of(Contracts.notificationRequested(), "/avro/NotificationRequested.avsc"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("contracts")
  @SuppressWarnings("unchecked")
  <T extends SpecificRecordBase> void everyContractRoundTripsThroughTheRealRegistry(
      T record, String avsc) {
    // Given: writer and reader share nothing but the registry
    AvroSerializer<T> serializer =
        new AvroSerializer<>(writerSide, AvroSerdeConfig.localStack(registryUrl));
    AvroDeserializer<T> deserializer =
        new AvroDeserializer<>(readerSide, (Class<T>) record.getClass());

    // When
    byte[] bytes = serializer.serialize(topic, record);

    // Then
    assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(record);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(readerSide.latest(topic + "-value").id()).isEqualTo(id);
    assertThat(readerSide.schemaById(id)).isEqualTo(Contracts.schemaResource(avsc));
  }

  @Test
  void serdesConfiguredFromAPropertyMapRoundTrip() {
    Map<String, Object> props =
        Map.of(
            AvroSerdeConfig.REGISTRY_URL,
            registryUrl,
            AvroSerdeConfig.AUTO_REGISTER,
            "true",
            AvroSerdeConfig.SPECIFIC_VALUE_TYPE,
            OrderCreated.class.getName());
    try (AvroSerde<OrderCreated> serde = new AvroSerde<>()) {
      serde.configure(props, false);

      byte[] bytes = serde.serializer().serialize(topic, Contracts.orderCreated());

      assertThat(serde.deserializer().deserialize(topic, bytes))
          .isEqualTo(Contracts.orderCreated());
    }
  }

  @Test
  void inProductionModeTheSchemaProvisioningRegisteredIsLookedUpAndAMissingOneFails() {
    // Given: provisioning registered the .avsc under this topic's subject, and nothing under
    // another
    int provisioned =
        writerSide.register(topic + "-value", Contracts.schemaResource("/avro/OrderCreated.avsc"));
    AvroSerializer<OrderCreated> production =
        new AvroSerializer<>(
            new SchemaRegistryClient(registryUrl), AvroSerdeConfig.production(registryUrl));

    // When / Then
    byte[] bytes = production.serialize(topic, Contracts.orderCreated());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(provisioned);
    String unprovisioned = topic + ".unprovisioned";
    assertThatThrownBy(() -> production.serialize(unprovisioned, Contracts.orderCreated()))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.SCHEMA_NOT_REGISTERED))
        .hasMessageContaining(unprovisioned + "-value");
  }

  @Test
  void anUnknownSchemaIdFailsWithTheTypedException() {
    byte[] data =
        ByteBuffer.allocate(8)
            .put((byte) 0)
            .putInt(2_000_000_000)
            .put(new byte[] {2, 'x', 0})
            .array();

    assertThatThrownBy(
            () -> new AvroDeserializer<>(readerSide, OrderCreated.class).deserialize(topic, data))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(WireFormatException.Kind.UNKNOWN_SCHEMA_ID);
              assertThat(e.schemaId()).hasValue(2_000_000_000);
            })
        .hasMessageContaining(topic);
  }

  @Test
  void compatibilityCheckOfAnIncompatibleSchemaReturnsFalseAndRegisteringItIsRefused() {
    // Given: a BACKWARD subject holding v1 of OrderCreated
    String subject = topic + "-value";
    writerSide.setCompatibility(subject, CompatibilityLevel.BACKWARD);
    writerSide.register(subject, Contracts.schemaResource("/avro/history/OrderCreated/v1.avsc"));
    Schema incompatible =
        Contracts.withNewRequiredField(
            Contracts.schemaResource("/avro/OrderCreated.avsc"), "salesChannel");

    // Then
    assertThat(
            writerSide.isCompatible(subject, Contracts.schemaResource("/avro/OrderCreated.avsc")))
        .isTrue();
    assertThat(writerSide.isCompatible(subject, incompatible)).isFalse();
    assertThatThrownBy(() -> writerSide.register(subject, incompatible))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void v1AndV2RecordsInOneSubjectBothReadAsTheV2Class() {
    // Given
    writerSide.setCompatibility(topic + "-value", CompatibilityLevel.BACKWARD);
    AvroSerdeConfig config = AvroSerdeConfig.localStack(registryUrl);
    Schema v1 = Contracts.schemaResource("/avro/history/SubmittedOrder/v1.avsc");
    byte[] old =
        new AvroSerializer<GenericRecord>(writerSide, config)
            .serialize(topic, Contracts.genericSubmittedOrder(v1));
    byte[] current =
        new AvroSerializer<SubmittedOrder>(writerSide, config)
            .serialize(topic, Contracts.submittedOrder());

    // When
    AvroDeserializer<SubmittedOrder> deserializer =
        new AvroDeserializer<>(readerSide, SubmittedOrder.class);

    // Then
    assertThat(readerSide.latest(topic + "-value").version()).isEqualTo(2);
    assertThat(deserializer.deserialize(topic, old).getNote()).isNull();
    assertThat(deserializer.deserialize(topic, current)).isEqualTo(Contracts.submittedOrder());
  }
}
