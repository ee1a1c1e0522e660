package dev.orderflow.ingest.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and reports malformed input instead of replacing it, so invalid bytes become a
 * reason rather than a silent U+FFFD. Java's decoder also refuses overlong forms and encoded
 * surrogates.
 */
final class StrictUtf8 {
  /** Either the text, or the offset of the first invalid byte. */
  record Decoded(String text, int invalidAt) {
    boolean ok() {
      return invalidAt < 0;
    }
  }

  private StrictUtf8() {}

  static Decoded decode(byte[] bytes, int offset, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return new Decoded(null, in.position() - offset);
    }
    return new Decoded(out.flip().toString(), -1);
  }

  static String lenient(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }
}
