package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionalSenderTest {
  private final Letters letters = new Letters();
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final StringWriter out = new StringWriter();
  private final ReplayReport report = new ReplayReport(new PrintWriter(out, true));
  private final ReplayRequest request =
      new ReplayRequest(
          "run-1",
          "ada",
          "ada",
          "host",
          null,
          new Selection(List.of(), ScanRange.all(), Filters.none(), 0, 0, List.of()),
          null,
          0,
          0,
          false,
          false,
          false,
          Instant.EPOCH);
  private TransactionalSender sender;

  @BeforeEach
  void start() {
    producer.initTransactions();
    sender =
        new TransactionalSender(
            producer,
            new ProgressTopic("progress"),
            request,
            report,
            2,
            Duration.ofHours(1),
            Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void eachRecordTravelsWithItsProgressMarkInOneTransaction() {
    // When
    sender.send(letter(0), ReplayRecords.of(letter(0), "notify.whatsapp.v1"));
    sender.send(letter(1), ReplayRecords.of(letter(1), "notify.whatsapp.v1"));

    // Then
    assertThat(producer.commitCount()).isEqualTo(1);
    assertThat(producer.history())
        .extracting(r -> r.topic())
        .containsExactly("notify.whatsapp.v1", "progress", "notify.whatsapp.v1", "progress");
    assertThat(new String(producer.history().get(1).key(), UTF_8))
        .isEqualTo("notify.whatsapp.dlq.v1:0:0");
    assertThat(new String(producer.history().get(1).value(), UTF_8))
        .contains(
            "\"runId\":\"run-1\"", "\"operator\":\"ada\"", "\"target\":\"notify.whatsapp.v1\"");
    assertThat(report.replayed).isEqualTo(2);
    assertThat(out.toString())
        .contains("replayed notify.whatsapp.dlq.v1:0:0 -> notify.whatsapp.v1:0:");
  }

  @Test
  void anAbandonedBatchIsAbortedAndCountedAsNotReplayed() {
    // Given
    sender.send(letter(0), ReplayRecords.of(letter(0), "notify.whatsapp.v1"));

    // When
    long dropped = sender.abandon();

    // Then
    assertThat(dropped).isEqualTo(1);
    assertThat(producer.transactionAborted()).isTrue();
    assertThat(producer.history()).isEmpty();
    assertThat(report.replayed).isZero();
  }

  @Test
  void finishCommitsWhatIsOpen() {
    // Given
    sender.send(letter(0), ReplayRecords.of(letter(0), "notify.whatsapp.v1"));

    // When
    sender.finish();

    // Then
    assertThat(producer.commitCount()).isEqualTo(1);
    assertThat(report.replayed).isEqualTo(1);
  }

  private DeadLetter letter(long offset) {
    return letters.read(letters.failure("v-1:A-" + offset, "RETRY", "2"), offset);
  }
}
