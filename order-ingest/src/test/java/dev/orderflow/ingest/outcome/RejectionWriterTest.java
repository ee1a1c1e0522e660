package dev.orderflow.ingest.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.ContentHash;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.SubmissionFormat;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectionWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Provenance SOURCE = new Provenance("orders.submitted.v1", 3, 42L, 0L);

  private static Rejection rejection(byte[] original) {
    return new Rejection(
        RejectionKind.INVALID,
        List.of(
            new Reason(ReasonCode.TOTAL_MISMATCH, "totalMinor", "totalMinor is 1 but ..."),
            new Reason(ReasonCode.INVALID_ID, "orderId", "orderId ..."),
            new Reason(ReasonCode.TOTAL_MISMATCH, "totalMinor", "again")),
        "vendor-7",
        "ORD 1",
        "corr-1",
        SOURCE,
        SubmissionFormat.JSON,
        null,
        Samples.NOW,
        original);
  }

  @Test
  void aRejectionCarriesEveryReasonTheSourceAndTheOriginalBytes() throws IOException {
    byte[] original = Samples.utf8("{\"orderId\":\"ORD 1\", \"note\":\"" + Samples.YORUBA + "\"}");

    JsonNode json = MAPPER.readTree(new RejectionWriter(1024).write(rejection(original)));

    assertThat(json.get("kind").asText()).isEqualTo("INVALID");
    assertThat(json.get("vendorOrderId").asText()).isEqualTo("ORD 1");
    assertThat(json.get("correlationId").asText()).isEqualTo("corr-1");
    assertThat(json.get("reasons")).hasSize(3);
    assertThat(json.at("/reasons/0/code").asText()).isEqualTo("TOTAL_MISMATCH");
    assertThat(json.at("/reasons/0/field").asText()).isEqualTo("totalMinor");
    assertThat(json.at("/source/partition").asInt()).isEqualTo(3);
    assertThat(json.at("/source/offset").asLong()).isEqualTo(42L);
    assertThat(json.at("/source/format").asText()).isEqualTo("JSON");
    assertThat(json.at("/source/schemaId").isNull()).isTrue();
    assertThat(json.at("/original/truncated").asBoolean()).isFalse();
    assertThat(Base64.getDecoder().decode(json.at("/original/base64").asText()))
        .isEqualTo(original);
  }

  @Test
  void anOriginalTooLargeToCarryIsCutToAPrefixAndItsFullHashKept() throws IOException {
    byte[] original = new byte[5000];
    original[0] = '{';

    JsonNode json = MAPPER.readTree(new RejectionWriter(100).write(rejection(original)));

    assertThat(json.at("/original/truncated").asBoolean()).isTrue();
    assertThat(json.at("/original/sizeBytes").asInt()).isEqualTo(5000);
    assertThat(json.at("/original/sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(ContentHash.sha256(original)));
    assertThat(Base64.getDecoder().decode(json.at("/original/base64").asText())).hasSize(100);
  }

  @Test
  void aNullValueHasNoOriginal() throws IOException {
    JsonNode json = MAPPER.readTree(new RejectionWriter(100).write(rejection(null)));

    assertThat(json.get("original").isNull()).isTrue();
  }

  @Test
  void theReasonHeaderListsEachCodeOnce() {
    assertThat(rejection(null).reasonCodes()).isEqualTo("TOTAL_MISMATCH,INVALID_ID");
  }
}
