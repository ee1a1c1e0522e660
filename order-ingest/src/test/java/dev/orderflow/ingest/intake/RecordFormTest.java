package dev.orderflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordFormTest {
  private final SubmissionParser parser = new SubmissionParser(id -> Optional.empty(), 1024);

  static java.util.stream.Stream<Arguments> badRecords() {
    return java.util.stream.Stream.of(
        Arguments.of("null value", null, ReasonCode.NULL_VALUE),
        Arguments.of("empty value", new byte[0], ReasonCode.EMPTY_VALUE),
        Arguments.of("only whitespace", Samples.utf8(" \n\t "), ReasonCode.EMPTY_VALUE),
        Arguments.of(
            "garbage", new byte[] {(byte) 0xFF, 0x13, 0x37}, ReasonCode.UNRECOGNIZED_FORMAT),
        Arguments.of(
            "a JSON array", Samples.utf8("[{\"orderId\":\"1\"}]"), ReasonCode.UNRECOGNIZED_FORMAT),
        Arguments.of(
            "plain text", Samples.utf8("order 1001 please"), ReasonCode.UNRECOGNIZED_FORMAT),
        Arguments.of("over the size bound", new byte[1025], ReasonCode.RECORD_TOO_LARGE),
        Arguments.of(
            "a truncated JSON object", Samples.utf8("{\"orderId\":"), ReasonCode.MALFORMED_JSON),
        Arguments.of("a magic byte alone", new byte[] {0, 0, 1}, ReasonCode.MALFORMED_AVRO));
  }

  @ParameterizedTest(name = "{0} is refused as {2}")
  @MethodSource("badRecords")
  void recordsThatAreNoOrderAreRefusedWithOneReason(String what, byte[] value, ReasonCode code) {
    ParseResult result = parser.parse(value);

    assertThat(result).isInstanceOf(ParseResult.Unreadable.class);
    assertThat(((ParseResult.Unreadable) result).reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(code);
              assertThat(r.field()).isEqualTo(Reason.WHOLE_RECORD);
              assertThat(r.message()).isNotBlank();
            });
  }
}
