package dev.orderflow.ingest.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.intake.DroppedHeaders;
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

  private static Rejection rejection(byte[] original, int maxKept) {
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
        new DroppedHeaders(2, 40, List.of("vendor-trace", "dlq.error.class"), false),
        Original.of(original, maxKept));
  }

  private static JsonNode written(Rejection rejection, int maxOriginalBytes, int room)
      throws IOException {
    return MAPPER.readTree(new RejectionWriter(maxOriginalBytes).write(rejection, room));
  }

  @Test
  void aRejectionCarriesEveryReasonTheSourceAndTheOriginalBytes() throws IOException {
    byte[] original = Samples.utf8("{\"orderId\":\"ORD 1\", \"note\":\"" + Samples.YORUBA + "\"}");

    JsonNode json = written(rejection(original, 1024), 1024, Integer.MAX_VALUE);

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

    JsonNode json = written(rejection(original, 100), 100, Integer.MAX_VALUE);

    assertThat(json.at("/original/truncated").asBoolean()).isTrue();
    assertThat(json.at("/original/sizeBytes").asInt()).isEqualTo(5000);
    assertThat(json.at("/original/sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(ContentHash.sha256(original)));
    assertThat(Base64.getDecoder().decode(json.at("/original/base64").asText())).hasSize(100);
  }

  @Test
  void aNullValueHasNoOriginal() throws IOException {
    JsonNode json = written(rejection(null, 100), 100, Integer.MAX_VALUE);

    assertThat(json.get("original").isNull()).isTrue();
  }

  @Test
  void theReasonHeaderListsEachCodeOnce() {
    assertThat(rejection(null, 0).reasonCodes()).isEqualTo("TOTAL_MISMATCH,INVALID_ID");
  }

  @Test
  void droppedVendorHeadersAreSummarizedNotCopied() throws IOException {
    JsonNode json = written(rejection(null, 0), 0, Integer.MAX_VALUE);

    assertThat(json.at("/droppedHeaders/count").asInt()).isEqualTo(2);
    assertThat(json.at("/droppedHeaders/totalBytes").asLong()).isEqualTo(40);
    assertThat(json.at("/droppedHeaders/names").toString())
        .isEqualTo("[\"vendor-trace\",\"dlq.error.class\"]");
  }

  @Test
  void aRejectionTooLargeForItsRoomIsWrittenCompactWithHashSizeAndAPrefix() throws IOException {
    byte[] original = new byte[200_000];
    original[0] = '{';

    JsonNode json = written(rejection(original, 150_000), 150_000, 100_000);

    assertThat(json.get("compact").asBoolean()).isTrue();
    assertThat(json.at("/reasonCodes").toString()).isEqualTo("[\"TOTAL_MISMATCH\",\"INVALID_ID\"]");
    assertThat(json.at("/original/sizeBytes").asInt()).isEqualTo(200_000);
    assertThat(json.at("/original/truncated").asBoolean()).isTrue();
    assertThat(json.at("/original/sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(ContentHash.sha256(original)));
    assertThat(Base64.getDecoder().decode(json.at("/original/base64").asText()))
        .hasSize(RejectionWriter.COMPACT_ORIGINAL_BYTES);
  }

  @Test
  void theCompactFormStaysUnderItsBoundWhateverTheVendorSent() {
    String huge = "\u202E\u0000\"𝕏".repeat(50_000);
    List<Reason> reasons =
        java.util.stream.IntStream.range(0, 51)
            .mapToObj(i -> new Reason(ReasonCode.UNKNOWN_FIELD, huge, huge))
            .toList();
    List<String> names =
        java.util.stream.IntStream.range(0, DroppedHeaders.MAX_NAMES)
            .mapToObj(i -> "𝕏".repeat(DroppedHeaders.MAX_NAME_CHARS))
            .toList();
    Rejection hostile =
        new Rejection(
            RejectionKind.INVALID,
            reasons,
            huge,
            huge,
            "corr-1",
            new Provenance("t".repeat(249), Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 2),
            SubmissionFormat.AVRO,
            Integer.MAX_VALUE,
            Samples.NOW,
            new DroppedHeaders(Integer.MAX_VALUE, Long.MAX_VALUE, names, true),
            Original.of(new byte[800_000], 768 * 1024));

    byte[] compact = new RejectionWriter(768 * 1024).write(hostile, 0);

    assertThat(compact.length)
        .as(new String(compact, java.nio.charset.StandardCharsets.UTF_8))
        .isLessThanOrEqualTo(RejectionWriter.COMPACT_MAX_BYTES);
  }
}
