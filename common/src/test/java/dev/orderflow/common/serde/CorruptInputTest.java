package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.INCOMPATIBLE_SCHEMA;
import static dev.orderflow.common.serde.WireFormatException.Kind.MALFORMED_PAYLOAD;
import static dev.orderflow.common.serde.WireFormatException.Kind.REGISTRY_UNAVAILABLE;
import static dev.orderflow.common.serde.WireFormatException.Kind.TOO_SHORT;
import static dev.orderflow.common.serde.WireFormatException.Kind.UNKNOWN_SCHEMA_ID;
import static dev.orderflow.common.serde.WireFormatException.Kind.WRONG_MAGIC_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.schema.OrderCreated;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a value can be unreadable ends in one WireFormatException that says why. */
class CorruptInputTest {
  private static final String TOPIC = "orders.created.v1";

  private final CountingRegistry registry = new CountingRegistry();
  private final AvroSerdeConfig config = AvroSerdeConfig.localStack("http://127.0.0.1:1/unused");
  private final AvroDeserializer<OrderCreated> deserializer =
      new AvroDeserializer<>(registry, OrderCreated.class);

  private byte[] validRecord() {
    return new AvroSerializer<OrderCreated>(registry, config)
        .serialize(TOPIC, Contracts.orderCreated());
  }

  private WireFormatException failure(byte[] data) {
    return catchThrowableOfType(
        WireFormatException.class, () -> deserializer.deserialize(TOPIC, data));
  }

  @Test
  void anEmptyValueIsTooShortAndSaysATombstoneIsNull() {
    WireFormatException e = failure(new byte[0]);

    assertThat(e.kind()).isEqualTo(TOO_SHORT);
    assertThat(e)
        .hasMessageContaining("empty value (0 bytes)")
        .hasMessageContaining("tombstone is null");
  }

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {1, 2, 3, 4})
  void aValueShorterThanTheHeaderIsTooShortWithItsLength(int length) {
    WireFormatException e = failure(new byte[length]);

    assertThat(e.kind()).isEqualTo(TOO_SHORT);
    assertThat(e).hasMessageContaining(length + " bytes").hasMessageContaining("'" + TOPIC + "'");
  }

  @Test
  void jsonTextHasTheWrongMagicByteAndIsRecognisedAsJson() {
    byte[] json = "{\"orderId\":\"LG-2025-000123\"}".getBytes(StandardCharsets.UTF_8);

    WireFormatException e = failure(json);

    assertThat(e.kind()).isEqualTo(WRONG_MAGIC_BYTE);
    assertThat(e)
        .hasMessageContaining("0x7b")
        .hasMessageContaining("looks like JSON")
        .hasMessageContaining(TOPIC);
  }

  @Test
  void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaId() {
    byte[] data = ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(7).array();

    WireFormatException e = failure(data);

    assertThat(e.kind()).isEqualTo(UNKNOWN_SCHEMA_ID);
    assertThat(e.schemaId()).hasValue(4242);
    assertThat(e.topic()).isEqualTo(TOPIC);
    assertThat(e).hasMessageContaining("schema id 4242");
  }

  @Test
  void aTruncatedBodyIsMalformed() {
    byte[] valid = validRecord();

    WireFormatException e = failure(Arrays.copyOf(valid, valid.length - 10));

    assertThat(e.kind()).isEqualTo(MALFORMED_PAYLOAD);
    assertThat(e).hasMessageContaining("-byte Avro body does not decode");
  }

  @Test
  void bytesLeftOverAfterTheRecordAreMalformed() {
    byte[] valid = validRecord();

    WireFormatException e = failure(Arrays.copyOf(valid, valid.length + 3));

    assertThat(e.kind()).isEqualTo(MALFORMED_PAYLOAD);
    assertThat(e).hasMessageContaining("3 bytes left over");
  }

  @Test
  void aHugeLengthPrefixIsMalformedWithoutAllocatingIt() {
    // Given: a valid header, then a string length of 2^30 with 4 bytes behind it
    byte[] header = Arrays.copyOf(validRecord(), 5);
    byte[] data = Arrays.copyOf(header, 14);
    byte[] zigZag2Pow30 = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
    System.arraycopy(zigZag2Pow30, 0, data, 5, zigZag2Pow30.length);

    assertThat(failure(data).kind()).isEqualTo(MALFORMED_PAYLOAD);
  }

  @Test
  void randomBytesBehindAValidHeaderNeverEscapeAsAnythingButWireFormatException() {
    byte[] header = Arrays.copyOf(validRecord(), 5);
    Random random = new Random(20251126L); // fixed seed: the same inputs every run

    for (int i = 0; i < 2_000; i++) {
      byte[] data = Arrays.copyOf(header, 5 + random.nextInt(200));
      byte[] body = new byte[data.length - 5];
      random.nextBytes(body);
      System.arraycopy(body, 0, data, 5, body.length);
      try {
        assertThat(deserializer.deserialize(TOPIC, data)).isNotNull();
      } catch (WireFormatException e) {
        assertThat(e.kind()).isEqualTo(MALFORMED_PAYLOAD);
      }
    }
  }

  @Test
  void aWriterSchemaTheClassCannotReadIsIncompatibleNamingTheField() {
    // Given: someone registered a same-named record lacking fields the class requires
    Schema stranger =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"OrderCreated\",\"namespace\":\"dev.orderflow.schema\","
                    + "\"fields\":[{\"name\":\"orderId\",\"type\":\"string\"}]}");
    GenericRecord record = new GenericData.Record(stranger);
    record.put("orderId", "x");
    byte[] data = new AvroSerializer<GenericRecord>(registry, config).serialize(TOPIC, record);

    WireFormatException e = failure(data);

    assertThat(e.kind()).isEqualTo(INCOMPATIBLE_SCHEMA);
    assertThat(e)
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("vendorId");
  }

  @Test
  void aGenericReaderRefusesAWriterSchemaThatIsNotARecord() {
    int id = registry.register("strings-value", Schema.create(Schema.Type.STRING));
    byte[] data =
        ByteBuffer.allocate(7).put((byte) 0).putInt(id).put((byte) 2).put((byte) 'a').array();

    assertThatThrownBy(
            () -> AvroDeserializer.generic(registry).deserialize(TOPIC, Arrays.copyOf(data, 7)))
        .isInstanceOfSatisfying(
            WireFormatException.class, e -> assertThat(e.kind()).isEqualTo(INCOMPATIBLE_SCHEMA))
        .hasMessageContaining("not a record");
  }

  @Test
  void aRegistryThatCannotBeReachedIsSystemicNotTheRecordsFault() {
    byte[] valid = validRecord();
    registry.failWith(
        new SchemaRegistryException(
            "connection refused", SchemaRegistryException.NO_RESPONSE, 0, null));

    WireFormatException e = failure(valid);

    assertThat(e.kind()).isEqualTo(REGISTRY_UNAVAILABLE);
    assertThat(e.kind().systemic()).isTrue();
    assertThat(e).hasMessageContaining("connection refused");
  }

  @Test
  void everyFailureIsAKafkaSerializationExceptionAndOnlyRegistryTroubleIsSystemic() {
    assertThat(failure(new byte[0])).isInstanceOf(SerializationException.class);
    assertThat(
            Arrays.stream(WireFormatException.Kind.values())
                .filter(WireFormatException.Kind::systemic))
        .containsExactlyInAnyOrder(
            REGISTRY_UNAVAILABLE, WireFormatException.Kind.SCHEMA_NOT_REGISTERED);
  }
}
