package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import org.junit.jupiter.api.Test;

class DeadLetterReaderTest {
  private final Letters letters = new Letters();

  @Test
  void aSenderDeadLetterIsReadFromItsHeadersAndItsAvroValue() {
    // When
    DeadLetter letter = letters.read(letters.failure("v-1:A-1", "PERMANENT", "131026"), 4);

    // Then
    assertThat(letter.kind()).isEqualTo(SourceKind.SENDER);
    assertThat(letter.at()).hasToString("notify.whatsapp.dlq.v1:0:4");
    assertThat(letter.key()).isEqualTo("buyer-v-1:A-1");
    assertThat(letter.orderId()).isEqualTo("v-1:A-1");
    assertThat(letter.buyerId()).isEqualTo("buyer-v-1:A-1");
    assertThat(letter.platform()).isEqualTo("whatsapp");
    assertThat(letter.errorClass()).isEqualTo("PERMANENT");
    assertThat(letter.code()).isEqualTo("131026");
    assertThat(letter.message()).isEqualTo("failed with 131026");
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.replays()).isZero();
    assertThat(letter.original()).hasToString("notify.whatsapp.v1:0:17");
    assertThat(letter.correlationId()).isEqualTo("corr-v-1:A-1");
    assertThat(letter.value()).isInstanceOf(DecodedValue.Avro.class);
  }

  @Test
  void theReplayCountComesFromItsHeaderAndABadNumberIsNoCrash() {
    // When
    DeadLetter letter =
        letters.read(
            letters
                .failure("v-1:A-2", "RETRY", "2")
                .header(HeaderNames.REPLAY_COUNT, "2")
                .header(HeaderNames.DLQ_ATTEMPTS, "three"),
            0);

    // Then
    assertThat(letter.replays()).isEqualTo(2);
    assertThat(letter.attempts()).isNull();
  }

  @Test
  void aStreamsDeadLetterNamesItsExceptionAndSource() {
    // When
    DeadLetter letter =
        letters.read(
            Parked.in("notification-router.dlq.v1")
                .key("v-1:A-3")
                .value(new byte[] {1, 2, 3})
                .header(StreamsHeaders.EXCEPTION, "org.apache.kafka.common.errors.Oops$Inner")
                .header(StreamsHeaders.MESSAGE, "bad")
                .header(StreamsHeaders.TOPIC, "orders.created.v1")
                .header(StreamsHeaders.PARTITION, "4")
                .header(StreamsHeaders.OFFSET, "8"),
            0);

    // Then
    assertThat(letter.kind()).isEqualTo(SourceKind.ROUTER);
    assertThat(letter.errorClass()).isEqualTo("Inner");
    assertThat(letter.message()).isEqualTo("bad");
    assertThat(letter.original()).hasToString("orders.created.v1:4:8");
    assertThat(letter.value()).isInstanceOf(DecodedValue.Undecodable.class);
    assertThat(letter.value().label()).contains("WRONG_MAGIC_BYTE");
  }

  @Test
  void anUnroutableOrderIsKeyedByItsOrderId() {
    // When
    DeadLetter letter =
        letters.read(
            Parked.in("notify.unroutable.v1")
                .key("v-1:A-4")
                .value("{\"buyerId\":\"b-4\"}".getBytes(UTF_8))
                .header(HeaderNames.UNROUTABLE_REASON, "OPTED_OUT")
                .header(HeaderNames.UNROUTABLE_DETAIL, "buyer opted out of notifications"),
            0);

    // Then
    assertThat(letter.kind()).isEqualTo(SourceKind.UNROUTABLE);
    assertThat(letter.orderId()).isEqualTo("v-1:A-4");
    assertThat(letter.buyerId()).isEqualTo("b-4");
    assertThat(letter.errorClass()).isEqualTo("UNROUTABLE");
    assertThat(letter.code()).isEqualTo("OPTED_OUT");
    assertThat(ReplayGate.originalTopic(letter)).isEqualTo("orders.created.v1");
  }

  @Test
  void aKeyThatIsNotTextIsShownAsHexAndANullKeyStaysNull() {
    // When
    DeadLetter binary =
        letters.read(letters.failure("v-1:A-5", "PERMANENT", "100").key(null).value(null), 0);

    // Then
    assertThat(binary.key()).isNull();
    assertThat(binary.value()).isInstanceOf(DecodedValue.Absent.class);
    assertThat(Text.display(new byte[] {0, (byte) 0xff})).isEqualTo("0x00ff");
  }
}
