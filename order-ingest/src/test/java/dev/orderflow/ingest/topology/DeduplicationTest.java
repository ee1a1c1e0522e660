package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeats of an accepted order id: duplicates, conflicts, other vendors, the window. */
class DeduplicationTest {
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
  void theSameOrderSentAgainIsADuplicateEvenUnderAnotherKey() {
    byte[] order = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    fixture.submit("ORD-1", order, "first");
    fixture.clock.advance(Duration.ofHours(1));
    fixture.submit("some-other-key", order, "second");

    assertThat(fixture.created.readRecordsToList()).hasSize(1);
    TestRecord<byte[], byte[]> record = fixture.rejected.readRecord();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("some-other-key");
    assertThat(TopologyFixture.header(record, HeaderNames.REJECT_REASON))
        .isEqualTo("DUPLICATE_SUBMISSION");
    assertThat(TopologyFixture.header(record, HeaderNames.CORRELATION_ID)).isEqualTo("second");
    assertThat(TopologyFixture.header(record, HeaderNames.INGEST_SOURCE))
        .isEqualTo("orders.submitted.v1/0@1");
    assertThat(TopologyFixture.headerNames(record))
        .containsExactly(
            HeaderNames.CORRELATION_ID, HeaderNames.INGEST_SOURCE, HeaderNames.REJECT_REASON);
    JsonNode rejection = TopologyFixture.json(record);
    assertThat(rejection.get("kind").asText()).isEqualTo("DUPLICATE");
    assertThat(rejection.at("/reasons/0/message").asText()).contains("first");
    assertThat(rejection.at("/source/offset").asLong()).isEqualTo(1L);
    assertThat(fixture.registry.counter("ingest.orders.rejected", "kind", "DUPLICATE").count())
        .isEqualTo(1.0);
  }

  @Test
  void theSameOrderIdWithOtherContentIsAConflict() {
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    ObjectNode changed = Samples.jsonOrder("vendor-7", "ORD-1");
    changed.put("buyerId", "buyer-43");
    fixture.submit("ORD-1", Samples.bytes(changed), null);

    assertThat(fixture.created.readRecordsToList()).hasSize(1);
    JsonNode rejection = TopologyFixture.json(fixture.rejected.readRecord());
    assertThat(rejection.get("kind").asText()).isEqualTo("CONFLICT");
    assertThat(rejection.at("/reasons/0/code").asText()).isEqualTo("ORDER_CONFLICT");
  }

  @Test
  void theSameVendorOrderIdFromAnotherVendorIsANewOrder() {
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    fixture.submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-8", "ORD-1")), null);

    assertThat(fixture.created.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("vendor-7:ORD-1", "vendor-8:ORD-1");
  }

  @Test
  void anOrderSentAgainAfterTheWindowIsANewOrder() {
    byte[] order = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    fixture.submit("ORD-1", order, null);
    fixture.clock.advance(Duration.ofDays(8));
    ObjectNode again = Samples.jsonOrder("vendor-7", "ORD-1");
    again.put("submittedAt", fixture.clock.instant().toString());
    fixture.submit("ORD-1", Samples.bytes(again), null);

    assertThat(fixture.created.readRecordsToList()).hasSize(2);
    assertThat(fixture.rejected.isEmpty()).isTrue();
  }
}
