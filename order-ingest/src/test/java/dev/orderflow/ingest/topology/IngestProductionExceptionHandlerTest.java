package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.kafka.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** A send that can never succeed is traced to its submission; everything else fails as usual. */
class IngestProductionExceptionHandlerTest {
  private static final String SOURCE = "orders.submitted.v1/2@17";

  private final UndeliverableOutcomes outcomes = new UndeliverableOutcomes();
  private final IngestProductionExceptionHandler handler = configured(outcomes);

  @Test
  void aRecordTooLargeIsRememberedByItsSourceAndItsThreadDeathIsAnswerable() {
    RecordTooLargeException tooLarge = new RecordTooLargeException("1.2 MB");

    var response = handler.handleError(null, outcome(SOURCE), tooLarge);

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(outcomes.failure(SOURCE)).hasValueSatisfying(f -> assertThat(f).contains("1.2 MB"));
    assertThat(outcomes.answerable(new StreamsException("send failed", tooLarge))).isTrue();
  }

  @Test
  void aSecondFailureForTheSameSubmissionIsNotAnswerable() {
    handler.handleError(null, outcome(SOURCE), new InvalidTimestampException("first"));
    InvalidTimestampException again = new InvalidTimestampException("compact one too");

    handler.handleError(null, outcome(SOURCE), again);

    assertThat(outcomes.answerable(new StreamsException(again))).isFalse();
  }

  @Test
  void aRetriableErrorOrARecordWithoutSourceIsNotRemembered() {
    TimeoutException timeout = new TimeoutException("broker slow");
    RecordTooLargeException changelog = new RecordTooLargeException("changelog");

    assertThat(handler.handleError(null, outcome(SOURCE), timeout).result()).isEqualTo(Result.FAIL);
    var withoutSource = new ProducerRecord<byte[], byte[]>("x-changelog", new byte[1], new byte[1]);
    assertThat(handler.handleError(null, withoutSource, changelog).result()).isEqualTo(Result.FAIL);

    assertThat(outcomes.failure(SOURCE)).isEmpty();
    assertThat(outcomes.answerable(new StreamsException(timeout))).isFalse();
    assertThat(outcomes.answerable(new StreamsException(changelog))).isFalse();
  }

  @Test
  void withoutTheSharedOutcomesTheHandlerRefusesToStart() {
    assertThatThrownBy(() -> new IngestProductionExceptionHandler().configure(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(IngestProductionExceptionHandler.OUTCOMES_CONFIG);
  }

  private static ProducerRecord<byte[], byte[]> outcome(String source) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(HeaderNames.INGEST_SOURCE, source.getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>("orders.rejected.v1", null, new byte[1], new byte[1], headers);
  }

  private static IngestProductionExceptionHandler configured(UndeliverableOutcomes outcomes) {
    IngestProductionExceptionHandler handler = new IngestProductionExceptionHandler();
    handler.configure(Map.of(IngestProductionExceptionHandler.OUTCOMES_CONFIG, outcomes));
    return handler;
  }
}
