package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One submission in, one outcome out: created, or rejected with every reason. */
class IngestTopologyTest {
  @TempDir Path stateDir;
  private TopologyFixture fixture;

  @BeforeEach
  void startDriver() {
    fixture = new TopologyFixture(stateDir);
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  @Test
  void aValidJsonOrderBecomesOneOrderCreatedKeyedByOrderIdWithItsCorrelationId() {
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), "corr-123");

    TestRecord<String, OrderCreated> record = fixture.created.readRecord();
    assertThat(record.key()).isEqualTo("vendor-7:ORD-1");
    assertThat(TopologyFixture.header(record, HeaderNames.CORRELATION_ID)).isEqualTo("corr-123");
    OrderCreated order = record.value();
    assertThat(order.getCorrelationId()).isEqualTo("corr-123");
    assertThat(order.getItems().get(0).getName()).isEqualTo(Samples.YORUBA);
    assertThat(order.getTotalMinor()).isEqualTo(880_000L);
    assertThat(order.getCreatedAt()).isEqualTo(Samples.NOW);
    assertThat(order.getSubmission().getFormat()).isEqualTo(SubmissionFormat.JSON);
    assertThat(order.getSubmission().getTopic())
        .isEqualTo(TopologyFixture.TOPICS.submitted().name());
    assertThat(order.getSubmission().getOffset()).isZero();
    assertThat(order.getSubmission().getSchemaId()).isNull();
    assertThat(order.getSubmission().getContentHash()).hasSize(64);
    assertThat(fixture.created.isEmpty()).isTrue();
    assertThat(fixture.rejected.isEmpty()).isTrue();
  }

  @Test
  void anOrderWithoutACorrelationIdGetsANewOneInHeaderAndValue() {
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);

    TestRecord<String, OrderCreated> record = fixture.created.readRecord();
    assertThat(record.value().getCorrelationId())
        .matches("[0-9a-f-]{36}")
        .isEqualTo(TopologyFixture.header(record, HeaderNames.CORRELATION_ID));
  }

  @Test
  void anAvroOrderCarriesItsSchemaId() {
    fixture.submit(
        "ORD-1", Samples.confluentFramed(1, Samples.avroOrder("vendor-7", "ORD-1")), "c");

    OrderCreated order = fixture.created.readValue();
    assertThat(order.getSubmission().getFormat()).isEqualTo(SubmissionFormat.AVRO);
    assertThat(order.getSubmission().getSchemaId()).isEqualTo(1);
  }

  @Test
  void anInvalidOrderBecomesOneRejectionKeyedLikeTheInputWithEveryReason() {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    order.put("currency", "USD");
    order.put("totalMinor", 1);
    byte[] value = Samples.bytes(order);

    fixture.submit("ORD-1", value, "corr-9");

    TestRecord<byte[], byte[]> record = fixture.rejected.readRecord();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ORD-1");
    assertThat(TopologyFixture.header(record, HeaderNames.REJECT_REASON))
        .isEqualTo("CURRENCY_NOT_ALLOWED,TOTAL_MISMATCH");
    assertThat(TopologyFixture.header(record, HeaderNames.CORRELATION_ID)).isEqualTo("corr-9");
    assertThat(record.headers().lastHeader("vendor-trace")).isNull();
    JsonNode rejection = TopologyFixture.json(record);
    assertThat(rejection.at("/droppedHeaders/names/0").asText()).isEqualTo("vendor-trace");
    assertThat(rejection.get("kind").asText()).isEqualTo("INVALID");
    assertThat(rejection.get("reasons")).hasSize(2);
    assertThat(Base64.getDecoder().decode(rejection.at("/original/base64").asText()))
        .isEqualTo(value);
    assertThat(fixture.created.isEmpty()).isTrue();
  }

  @Test
  void badBytesAreRejectedAndTheNextOrderStillGoesThrough() {
    fixture.submit(null, null, null);
    fixture.submit("x", new byte[0], null);
    fixture.submit("x", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00}, null);
    fixture.submit("x", Samples.utf8("{\"orderId\": tru"), null);
    fixture.submit("x", Samples.frame(77, new byte[] {1, 2, 3}), null);
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);

    List<String> codes =
        fixture.rejected.readRecordsToList().stream()
            .map(r -> TopologyFixture.header(r, HeaderNames.REJECT_REASON))
            .toList();
    assertThat(codes)
        .containsExactly(
            "NULL_VALUE",
            "EMPTY_VALUE",
            "UNRECOGNIZED_FORMAT",
            "MALFORMED_JSON",
            "UNKNOWN_SCHEMA_ID");
    assertThat(fixture.created.readKeyValue().key).isEqualTo("vendor-7:ORD-1");
  }

  @Test
  void acceptedAndRejectedOrdersAreCounted() {
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    fixture.submit("x", new byte[0], null);

    assertThat(fixture.registry.counter("ingest.orders.accepted", "format", "JSON").count())
        .isEqualTo(1.0);
    assertThat(fixture.registry.counter("ingest.orders.rejected", "kind", "INVALID").count())
        .isEqualTo(1.0);
    assertThat(fixture.registry.counter("ingest.rejection.reasons", "code", "EMPTY_VALUE").count())
        .isEqualTo(1.0);
    assertThat(fixture.registry.timer("ingest.processing.latency").count()).isEqualTo(2);
  }

  @Test
  void everyNodeOfTheTopologyIsNamed() {
    Topology topology = IngestTopology.build(TopologyFixture.TOPICS, fixture.parts());

    assertThat(topology.describe().toString())
        .doesNotContain("KSTREAM-")
        .doesNotContain("KTABLE-")
        .contains("validate", "deduplicate", "by-order-id", "created-orders");
  }

  @Test
  void anUnreachableRegistryHoldsAnAvroRecordInsteadOfRejectingIt() {
    try (TopologyFixture offline =
        new TopologyFixture(
            stateDir.resolve("offline"),
            id -> {
              throw new WriterSchemaUnavailableException("registry down", null);
            })) {
      byte[] avro = Samples.confluentFramed(1, Samples.avroOrder("vendor-7", "ORD-1"));

      assertThatThrownBy(() -> offline.submit("ORD-1", avro, null))
          .hasRootCauseInstanceOf(WriterSchemaUnavailableException.class);
      assertThat(offline.rejected.isEmpty()).isTrue();
      assertThat(offline.created.isEmpty()).isTrue();
    }
  }
}
