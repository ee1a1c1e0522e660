package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.intake.ParseResult;
import dev.orderflow.ingest.intake.SubmissionParser;
import dev.orderflow.schema.SubmittedOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  private final SubmissionParser parser =
      new SubmissionParser(id -> Optional.of(SubmittedOrder.getClassSchema()), 262_144);
  private final OrderValidator validator = new OrderValidator(ValidationRules.defaults());

  private String hashOf(byte[] value) {
    ParseResult.Readable read = (ParseResult.Readable) parser.parse(value);
    return ((ValidationResult.Valid) validator.validate(read.draft(), Samples.NOW))
        .order()
        .contentHash();
  }

  @Test
  void theCanonicalFormIsSortedCompactJsonThatOtherLanguagesCanReproduce() {
    String canonical =
        "{\"buyerId\":\"b\",\"currency\":\"NGN\",\"items\":[{\"name\":\"Ẹ̀wà\",\"quantity\":2,"
            + "\"sku\":\"S\",\"unitPriceMinor\":5}],\"orderId\":\"o\",\"totalMinor\":10,"
            + "\"vendorId\":\"v\"}";
    String expected =
        HexFormat.of().formatHex(ContentHash.sha256(canonical.getBytes(StandardCharsets.UTF_8)));

    String hash =
        ContentHash.compute(
            "v", "o", "b", "NGN", List.of(new ValidItem("S", "Ẹ̀wà", 2, 5)), 10, null);

    assertThat(hash).isEqualTo(expected);
  }

  @Test
  void theSameOrderHashesAlikeAsJsonAndAsAvro() {
    String json = hashOf(Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")));
    String avro = hashOf(Samples.confluentFramed(1, Samples.avroOrder("vendor-7", "ORD-1")));

    assertThat(json).isEqualTo(avro);
  }

  @Test
  void aRetryStampedAnewAndPaddedWithWhitespaceIsTheSameContent() {
    var retry = Samples.jsonOrder("vendor-7", "ORD-1");
    retry.put("submittedAt", Samples.NOW.toString());
    retry.put("note", "  " + Samples.EMOJI_NOTE + "\n");

    assertThat(hashOf(Samples.bytes(retry)))
        .isEqualTo(hashOf(Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"))));
  }

  @Test
  void aChangedQuantityIsDifferentContent() {
    var changed = Samples.jsonOrder("vendor-7", "ORD-1");
    ((com.fasterxml.jackson.databind.node.ObjectNode) changed.get("items").get(1))
        .put("quantity", 2);
    changed.put("totalMinor", 1_260_000);

    assertThat(hashOf(Samples.bytes(changed)))
        .isNotEqualTo(hashOf(Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"))));
  }
}
