package dev.orderflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.SubmissionFormat;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSubmissionTest {
  private final SubmissionParser parser = new SubmissionParser(id -> Optional.empty(), 262_144);

  private DraftOrder readable(byte[] value) {
    ParseResult result = parser.parse(value);
    assertThat(result).isInstanceOf(ParseResult.Readable.class);
    assertThat(result.format()).isEqualTo(SubmissionFormat.JSON);
    return ((ParseResult.Readable) result).draft();
  }

  private Reason onlyReason(byte[] value) {
    ParseResult result = parser.parse(value);
    assertThat(result).isInstanceOf(ParseResult.Unreadable.class);
    return ((ParseResult.Unreadable) result).reasons().getFirst();
  }

  @Test
  void aJsonOrderIsReadWithEveryField() {
    DraftOrder draft = readable(Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")));

    assertThat(draft.vendorId()).isEqualTo("vendor-7");
    assertThat(draft.orderId()).isEqualTo("ORD-1");
    assertThat(draft.items()).hasSize(2);
    assertThat(draft.items().getFirst().name()).isEqualTo(Samples.YORUBA);
    assertThat(draft.totalMinor()).isEqualTo(880_000L);
    assertThat(draft.submittedAt()).isEqualTo(Samples.NOW.minusSeconds(60));
    assertThat(draft.note()).isEqualTo(Samples.EMOJI_NOTE);
    assertThat(draft.problems()).isEmpty();
  }

  @Test
  void aByteOrderMarkAndLeadingWhitespaceAreAllowed() {
    byte[] json = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    value.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n', '\t'});
    value.writeBytes(json);

    assertThat(readable(value.toByteArray()).orderId()).isEqualTo("ORD-1");
  }

  @Test
  void wrongTypesUnknownFieldsAndFractionsAreProblemsWithTheirPaths() {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    order.put("totalMinor", "880000");
    order.put("totalMinour", 1);
    ((ObjectNode) order.get("items").get(0)).put("quantity", 2.5);
    ((ObjectNode) order.get("items").get(1)).put("unitPriceMinor", true);

    assertThat(readable(Samples.bytes(order)).problems())
        .extracting(Reason::code, Reason::field)
        .containsExactlyInAnyOrder(
            tuple(ReasonCode.UNKNOWN_FIELD, "totalMinour"),
            tuple(ReasonCode.WRONG_TYPE, "totalMinor"),
            tuple(ReasonCode.NOT_AN_INTEGER, "items[0].quantity"),
            tuple(ReasonCode.WRONG_TYPE, "items[1].unitPriceMinor"));
  }

  @Test
  void aWholeNumberWrittenWithADecimalPointCountsAsAnInteger() {
    byte[] value =
        Samples.utf8(
            new String(
                    Samples.bytes(Samples.jsonOrder("v", "o")),
                    java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"totalMinor\":880000", "\"totalMinor\":880000.0"));

    assertThat(readable(value).totalMinor()).isEqualTo(880_000L);
  }

  @Test
  void aNumberBeyondSixtyFourBitsIsOutOfRange() {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    order.put("totalMinor", new java.math.BigInteger("99999999999999999999999"));

    assertThat(readable(Samples.bytes(order)).problems())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.NUMBER_OUT_OF_RANGE);
  }

  @Test
  void anRfc3339TimestampWithAnOffsetIsReadAsAnInstant() {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    order.put("submittedAt", "2025-06-01t13:00:00.250+01:00");

    assertThat(readable(Samples.bytes(order)).submittedAt())
        .isEqualTo(Instant.parse("2025-06-01T12:00:00.250Z"));
  }

  @Test
  void aTimestampWithoutOffsetOrAsANumberIsAProblem() {
    ObjectNode local = Samples.jsonOrder("vendor-7", "ORD-1");
    local.put("submittedAt", "2025-06-01 13:00");
    ObjectNode epoch = Samples.jsonOrder("vendor-7", "ORD-1");
    epoch.put("submittedAt", 1_717_243_200_000L);

    assertThat(readable(Samples.bytes(local)).problems())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.INVALID_TIMESTAMP);
    assertThat(readable(Samples.bytes(epoch)).problems())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.WRONG_TYPE);
  }

  @Test
  void invalidUtf8InAStringIsAReasonOnThatFieldNotAReplacementCharacter() {
    byte[] value = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    byte[] beans = Samples.utf8("Ofada");
    int at = indexOf(value, beans);
    value[at + 1] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
    DraftOrder draft = readable(value);

    assertThat(draft.problems())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReasonCode.INVALID_UTF8);
              assertThat(r.field()).isEqualTo("items[1].name");
              assertThat(r.message()).contains("offset " + (at + 1));
            });
    assertThat(draft.items().get(1).name()).isNull();
  }

  @Test
  void overlongUtf8IsRefusedToo() {
    byte[] value = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    int at = indexOf(value, Samples.utf8("Ofada"));
    value[at] = (byte) 0xC1; // overlong encoding of 'O' (0x4F) would be C1 8F
    value[at + 1] = (byte) 0x8F;

    assertThat(readable(value).problems())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.INVALID_UTF8, "items[1].name"));
  }

  @Test
  void aLoneSurrogateEscapeIsNotText() {
    byte[] value =
        Samples.utf8(
            "{\"vendorId\":\"v\",\"orderId\":\"o\",\"buyerId\":\"b\",\"currency\":\"NGN\","
                + "\"items\":[],\"totalMinor\":0,\"submittedAt\":\"2025-06-01T12:00:00Z\","
                + "\"note\":\"half \\ud83d emoji\"}");

    assertThat(readable(value).problems())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.INVALID_UTF8, "note"));
  }

  @Test
  void malformedJsonSaysWhere() {
    Reason reason = onlyReason(Samples.utf8("{\"vendorId\": \"v\",\n \"orderId\": }"));

    assertThat(reason.code()).isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(reason.message()).contains("line 2");
  }

  @Test
  void duplicateKeysAndTrailingContentAreMalformed() {
    assertThat(onlyReason(Samples.utf8("{\"orderId\":\"a\",\"orderId\":\"b\"}")).message())
        .contains("Duplicate field 'orderId'");
    assertThat(onlyReason(Samples.utf8("{\"orderId\":\"a\"} {}")).code())
        .isEqualTo(ReasonCode.MALFORMED_JSON);
  }

  @Test
  void itemsThatAreNotObjectsAreWrongTypes() {
    byte[] value = Samples.utf8("{\"items\":[1, {\"sku\":\"s\"}]}");

    assertThat(readable(value).problems())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.WRONG_TYPE, "items[0]"));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
