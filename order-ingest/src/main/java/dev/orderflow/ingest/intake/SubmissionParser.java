package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import java.util.List;

/**
 * Recognises the form of each record and reads it: JSON when the value starts with '{' after an
 * optional UTF-8 byte-order mark and whitespace, Confluent-framed Avro when it starts with the
 * magic byte 0. Never throws on bad bytes; only an unreachable registry escapes as an exception.
 */
public final class SubmissionParser {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final int maxRecordBytes;
  private final JsonDraftReader json = new JsonDraftReader();
  private final AvroDraftReader avro;

  public SubmissionParser(WriterSchemas writerSchemas, int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
    this.avro = new AvroDraftReader(writerSchemas);
  }

  public ParseResult parse(byte[] value) {
    if (value == null) {
      return unreadable(
          ReasonCode.NULL_VALUE, "The record has no value (null); send the order as its value.");
    }
    if (value.length == 0) {
      return unreadable(ReasonCode.EMPTY_VALUE, "The record value is empty (0 bytes).");
    }
    if (value.length > maxRecordBytes) {
      return unreadable(
          ReasonCode.RECORD_TOO_LARGE,
          "The record value is "
              + value.length
              + " bytes; at most "
              + maxRecordBytes
              + " bytes are accepted.");
    }
    if (value[0] == AvroDraftReader.MAGIC_BYTE) {
      return avro.read(value);
    }
    int start = firstSignificant(value);
    if (start == value.length) {
      return unreadable(ReasonCode.EMPTY_VALUE, "The record value holds only whitespace.");
    }
    if (value[start] == '{') {
      return json.read(value, start);
    }
    return unreadable(
        ReasonCode.UNRECOGNIZED_FORMAT,
        String.format(
            "The record value starts with byte 0x%02X at offset %d; expected '{' (a JSON order)"
                + " or 0x00 (an Avro SubmittedOrder in the Confluent wire format).",
            value[start] & 0xFF, start));
  }

  private static int firstSignificant(byte[] value) {
    int i = startsWithBom(value) ? BOM.length : 0;
    while (i < value.length && isJsonWhitespace(value[i])) {
      i++;
    }
    return i;
  }

  private static boolean startsWithBom(byte[] value) {
    return value.length >= 3 && value[0] == BOM[0] && value[1] == BOM[1] && value[2] == BOM[2];
  }

  private static boolean isJsonWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static ParseResult unreadable(ReasonCode code, String message) {
    return new ParseResult.Unreadable(List.of(Reason.ofRecord(code, message)), null, null);
  }
}
