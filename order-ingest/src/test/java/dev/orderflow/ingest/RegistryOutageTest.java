package dev.orderflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** Which stream-thread failures are a registry outage (thread replaced) rather than a bug. */
class RegistryOutageTest {

  @Test
  void aWriterSchemaLookupThatGaveUpIsAnOutageThroughStreamsWrappers() {
    Throwable failure =
        new StreamsException(
            new WriterSchemaUnavailableException(
                "schema registry unavailable for schema id 7",
                new SchemaRegistryException("away", 503, 0, null)));

    assertThat(OrderIngestService.isRegistryOutage(failure)).isTrue();
  }

  @Test
  void aRegistryThatDoesNotAnswerIsAnOutageAsEveryServiceJudgesIt() {
    Throwable failure =
        new StreamsException(
            new SchemaRegistryException("no answer", SchemaRegistryException.NO_RESPONSE, 0, null));

    assertThat(OrderIngestService.isRegistryOutage(failure)).isTrue();
  }

  @Test
  void aRegistryRefusalOrABugIsNot() {
    Throwable refusal =
        new StreamsException(
            new SchemaRegistryException(
                "not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND, null));

    assertThat(OrderIngestService.isRegistryOutage(refusal)).isFalse();
    assertThat(
            OrderIngestService.isRegistryOutage(new StreamsException(new IllegalStateException())))
        .isFalse();
  }
}
