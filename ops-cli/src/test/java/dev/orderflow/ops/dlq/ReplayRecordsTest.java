package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.testsupport.RecordAssert;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class ReplayRecordsTest {
  private final Letters letters = new Letters();

  @Test
  void keyAndValueAreUnchangedAndOnlyNonDiagnosticHeadersStay() {
    // Given
    DeadLetter letter =
        letters.read(
            letters
                .failure("v-1:A-1", "RETRY", "2")
                .header("retry.attempts", "4")
                .header(StreamsHeaders.TOPIC, "x")
                .header("vendor-request-id", "req-9"),
            3);

    // When
    ProducerRecord<byte[], byte[]> replay = ReplayRecords.of(letter, "notify.whatsapp.v1");

    // Then
    assertThat(replay.topic()).isEqualTo("notify.whatsapp.v1");
    assertThat(replay.partition()).isNull();
    assertThat(replay.key()).isEqualTo(letter.record().key());
    assertThat(replay.value()).isEqualTo(letter.record().value());
    assertThat(Arrays.stream(replay.headers().toArray()).map(Header::key))
        .containsExactly("correlation-id", "vendor-request-id", "replay.count");
    RecordAssert.assertThatRecord(asConsumed(replay))
        .hasHeader(HeaderNames.CORRELATION_ID, "corr-v-1:A-1")
        .hasHeader(HeaderNames.REPLAY_COUNT, "1");
  }

  @Test
  void theReplayCountGoesUpByOne() {
    DeadLetter twice =
        letters.read(
            letters.failure("v-1:A-2", "RETRY", "2").header(HeaderNames.REPLAY_COUNT, "2"), 0);

    RecordAssert.assertThatRecord(asConsumed(ReplayRecords.of(twice, "t")))
        .hasHeader(HeaderNames.REPLAY_COUNT, "3");
  }

  private static ConsumerRecord<byte[], byte[]> asConsumed(ProducerRecord<byte[], byte[]> r) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(r.topic(), 0, 0, r.key(), r.value());
    r.headers().forEach(record.headers()::add);
    return record;
  }
}
