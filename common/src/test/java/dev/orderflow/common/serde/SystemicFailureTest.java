package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.schema.OrderCreated;
import java.nio.ByteBuffer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for every service: a registry away makes a record wait; a refusal dead-letters it. */
class SystemicFailureTest {
  private static final String TOPIC = "orders.created.v1";

  private final CountingRegistry registry = new CountingRegistry();
  private final AvroDeserializer<OrderCreated> deserializer =
      new AvroDeserializer<>(registry, OrderCreated.class);

  private byte[] validRecord() {
    AvroSerdeConfig config = AvroSerdeConfig.localStack("http://127.0.0.1:1/unused");
    return new AvroSerializer<OrderCreated>(registry, config)
        .serialize(TOPIC, Contracts.orderCreated());
  }

  private Throwable readingWith(SchemaRegistryException answer) {
    byte[] valid = validRecord();
    registry.failWith(answer);
    return catchThrowable(() -> deserializer.deserialize(TOPIC, valid));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {SchemaRegistryException.NO_RESPONSE, 500, 502, 503, 504, 408, 429})
  void aRegistryThatDoesNotAnswerUsefullyIsSystemic(int status) {
    Throwable failure = readingWith(new SchemaRegistryException("away", status, 0, null));

    assertThat(WireFormatException.isSystemic(failure)).isTrue();
  }

  @Test
  void aRegistryRefusalOfTheSchemaIdIsTheRecordsFault() {
    Throwable failure =
        readingWith(
            new SchemaRegistryException(
                "not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND, null));

    assertThat(failure)
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.kind()).isEqualTo(WireFormatException.Kind.UNKNOWN_SCHEMA_ID));
    assertThat(WireFormatException.isSystemic(failure)).isFalse();
  }

  @Test
  void bytesThatAreNotTheWireFormatAreTheRecordsFault() {
    Throwable failure =
        catchThrowable(() -> deserializer.deserialize(TOPIC, "{\"json\":1}".getBytes()));

    assertThat(WireFormatException.isSystemic(failure)).isFalse();
  }

  @Test
  void theVerdictIsFoundThroughTheWrappersKafkaAndStreamsPutAroundIt() {
    byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(424242).array();
    Throwable refused = catchThrowable(() -> deserializer.deserialize(TOPIC, unknownId));
    Throwable away =
        readingWith(
            new SchemaRegistryException(
                "refused", SchemaRegistryException.NO_RESPONSE, 0, new java.io.IOException()));

    assertThat(WireFormatException.isSystemic(new KafkaException("wrapped", away))).isTrue();
    assertThat(WireFormatException.isSystemic(new KafkaException("wrapped", refused))).isFalse();
  }

  @Test
  void aBareRegistryCallFailureIsJudgedByItsStatus() {
    assertThat(
            WireFormatException.isSystemic(new SchemaRegistryException("down", 503, 50301, null)))
        .isTrue();
    assertThat(
            WireFormatException.isSystemic(
                new SchemaRegistryException("no such subject", 404, 40401, null)))
        .isFalse();
    assertThat(WireFormatException.isSystemic(new IllegalStateException("a bug"))).isFalse();
    assertThat(WireFormatException.isSystemic(null)).isFalse();
  }
}
