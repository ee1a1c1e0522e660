package dev.orderflow.ops.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Bytes as text when they are text: strict UTF-8 with no control characters but tab/newline. */
final class Text {
  private Text() {}

  static Optional<String> utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      boolean printable =
          text.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
      return printable ? Optional.of(text) : Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The bytes as text, or {@code 0x…} hex; null stays null. */
  static String display(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    return utf8(bytes).orElseGet(() -> "0x" + HexFormat.of().formatHex(bytes));
  }

  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
