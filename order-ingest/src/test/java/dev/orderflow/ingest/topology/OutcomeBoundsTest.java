package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a vendor's headers and sizes can do to the outputs: nothing but the allowlisted ids is
 * copied, no pipeline-internal header gets through, and no outcome exceeds the outgoing limit.
 */
class OutcomeBoundsTest {
  @TempDir Path stateDir;

  @Test
  void aCreatedOrderCarriesOnlyTheAllowlistedHeadersAndItsSource() {
    try (TopologyFixture fixture = new TopologyFixture(stateDir)) {
      RecordHeaders headers = pipelineLookalikes();
      headers.add(HeaderNames.CORRELATION_ID, Samples.utf8("corr-1"));
      headers.add(
          HeaderNames.VENDOR_REQUEST_ID, Samples.utf8("req 7\u0000\u202E/é" + "x".repeat(300)));

      fixture.submitRaw(
          Samples.utf8("ORD-1"), Samples.bytes(Samples.jsonOrder("v-1", "ORD-1")), headers);

      TestRecord<byte[], byte[]> created = fixture.createdRaw.readRecord();
      assertThat(TopologyFixture.headerNames(created))
          .containsExactly(
              HeaderNames.CORRELATION_ID, HeaderNames.VENDOR_REQUEST_ID, HeaderNames.INGEST_SOURCE);
      assertThat(TopologyFixture.header(created, HeaderNames.VENDOR_REQUEST_ID))
          .startsWith("req7/xxx")
          .hasSize(128);
      assertThat(TopologyFixture.header(created, HeaderNames.INGEST_SOURCE))
          .isEqualTo("orders.submitted.v1/0@0");
    }
  }

  @Test
  void aVendorsPipelineInternalHeadersAreDroppedFromARejectionAndOnlyNamed() {
    try (TopologyFixture fixture = new TopologyFixture(stateDir)) {
      fixture.submitRaw(Samples.utf8("ORD-1"), Samples.utf8("not json"), pipelineLookalikes());

      TestRecord<byte[], byte[]> rejected = fixture.rejected.readRecord();
      assertThat(TopologyFixture.headerNames(rejected))
          .containsExactly(
              HeaderNames.CORRELATION_ID, HeaderNames.INGEST_SOURCE, HeaderNames.REJECT_REASON);
      assertThat(TopologyFixture.header(rejected, HeaderNames.REJECT_REASON))
          .isEqualTo("UNRECOGNIZED_FORMAT");
      JsonNode dropped = TopologyFixture.json(rejected).get("droppedHeaders");
      assertThat(dropped.get("count").asInt()).isEqualTo(6);
      assertThat(dropped.get("names").toString())
          .contains(
              HeaderNames.DLQ_ERROR_CLASS,
              HeaderNames.UNROUTABLE_REASON,
              HeaderNames.RETRY_ATTEMPTS,
              HeaderNames.REPLAY_COUNT)
          .contains(HeaderNames.INGEST_SOURCE, HeaderNames.REJECT_REASON);
    }
  }

  @Test
  void aRejectionThatWouldExceedTheLimitIsStillOneRecordUnderIt() {
    try (TopologyFixture fixture = new TopologyFixture(stateDir)) {
      // Given a record just under the broker's 1 MiB: 600 kB of value, 400 kB of headers
      RecordHeaders headers = new RecordHeaders();
      for (int i = 0; i < 400; i++) {
        headers.add("vendor-blob-" + i, new byte[1000]);
      }
      byte[] value = new byte[600_000];
      value[0] = '{';

      fixture.submitRaw(Samples.utf8("big"), value, headers);
      fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("v-1", "ORD-1")), null);

      // Then it has its one rejection within the limit, and the next order is created
      List<TestRecord<byte[], byte[]>> rejections = fixture.rejected.readRecordsToList();
      assertThat(rejections).hasSize(1);
      TestRecord<byte[], byte[]> rejection = rejections.get(0);
      assertThat(sizeOf(rejection)).isLessThanOrEqualTo(TopologyFixture.MAX_OUTGOING_BYTES);
      assertThat(TopologyFixture.header(rejection, HeaderNames.REJECT_REASON))
          .isEqualTo("RECORD_TOO_LARGE");
      assertThat(TopologyFixture.json(rejection).at("/droppedHeaders/count").asInt())
          .isEqualTo(400);
      assertThat(fixture.created.readKeyValue().key).isEqualTo("v-1:ORD-1");
    }
  }

  @Test
  void aRejectionLargerThanTheLimitIsWrittenCompact() {
    try (TopologyFixture fixture =
        new TopologyFixture(stateDir, TopologyFixture.SCHEMA_ONE, 100_000)) {
      byte[] value = new byte[200_000];
      value[0] = '{';

      fixture.submitRaw(new byte[5000], value, new RecordHeaders());

      TestRecord<byte[], byte[]> rejection = fixture.rejected.readRecord();
      assertThat(sizeOf(rejection)).isLessThanOrEqualTo(100_000);
      assertThat(rejection.key()).hasSize(OutcomeHeaders.MAX_KEY_BYTES);
      JsonNode json = TopologyFixture.json(rejection);
      assertThat(json.get("compact").asBoolean()).isTrue();
      assertThat(json.at("/original/sizeBytes").asInt()).isEqualTo(200_000);
      assertThat(json.at("/original/sha256").asText()).hasSize(64);
      assertThat(json.at("/reasonCodes/0").asText()).isEqualTo("MALFORMED_JSON");
    }
  }

  @Test
  void aSubmissionWhoseOutcomeCouldNotBeSentIsAnsweredByACompactRejectionOnItsSecondPass() {
    try (TopologyFixture fixture = new TopologyFixture(stateDir)) {
      // Given the producer refused the outcomes of offsets 0 (invalid) and 1 (valid) once
      fixture.undeliverable.failed("orders.submitted.v1/0@0", new IllegalStateException("boom"));
      fixture.undeliverable.failed("orders.submitted.v1/0@1", new IllegalStateException("bang"));

      // When they are processed again, followed by a valid order
      fixture.submit("x", Samples.utf8("garbage"), null);
      fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("v-1", "ORD-1")), null);
      fixture.submit("ORD-2", Samples.bytes(Samples.jsonOrder("v-1", "ORD-2")), null);

      // Then the first two are OUTCOME_UNDELIVERABLE rejections, and the third is created
      assertThat(fixture.rejected.readRecordsToList())
          .extracting(r -> TopologyFixture.header(r, HeaderNames.REJECT_REASON))
          .containsExactly("OUTCOME_UNDELIVERABLE", "OUTCOME_UNDELIVERABLE");
      assertThat(fixture.created.readKeyValuesToList())
          .extracting(kv -> kv.key)
          .containsExactly("v-1:ORD-2");
    }
  }

  /** One vendor header named like each of the pipeline's own. */
  private static RecordHeaders pipelineLookalikes() {
    RecordHeaders headers = new RecordHeaders();
    for (String name :
        List.of(
            HeaderNames.DLQ_ERROR_CLASS,
            HeaderNames.UNROUTABLE_REASON,
            HeaderNames.RETRY_ATTEMPTS,
            HeaderNames.REPLAY_COUNT,
            HeaderNames.INGEST_SOURCE,
            HeaderNames.REJECT_REASON)) {
      headers.add(name, Samples.utf8("forged"));
    }
    return headers;
  }

  private static int sizeOf(TestRecord<byte[], byte[]> record) {
    return RecordSize.of(record.key(), record.value(), record.headers());
  }
}
