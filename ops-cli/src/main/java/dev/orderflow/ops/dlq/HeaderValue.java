package dev.orderflow.ops.dlq;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A header value made readable: text when it is text, a number when it is 4 or 8 bytes that are not
 * text (big-endian, as Java's and most clients' serializers write them), hex otherwise; a number
 * that reads as a plausible epoch-millisecond time gets the time beside it.
 */
record HeaderValue(String display, String form, Long number) {
  private static final long YEAR_2000_MS = 946_684_800_000L;
  private static final long YEAR_2100_MS = 4_102_444_800_000L;

  static HeaderValue of(byte[] bytes) {
    if (bytes == null) {
      return new HeaderValue("(null)", "null", null);
    }
    var text = Text.utf8(bytes);
    if (text.isPresent()) {
      Long number = decimal(text.get());
      return new HeaderValue(text.get() + when(number), "text", number);
    }
    if (bytes.length == Integer.BYTES) {
      long n = ByteBuffer.wrap(bytes).getInt();
      return new HeaderValue(n + " (4-byte int, 0x" + hex(bytes) + ")", "int32", n);
    }
    if (bytes.length == Long.BYTES) {
      long n = ByteBuffer.wrap(bytes).getLong();
      return new HeaderValue(n + when(n) + " (8-byte long, 0x" + hex(bytes) + ")", "int64", n);
    }
    return new HeaderValue(
        "0x" + hex(bytes) + " (base64 " + Base64.getEncoder().encodeToString(bytes) + ")",
        "bytes",
        null);
  }

  private static Long decimal(String text) {
    if (!text.matches("-?\\d{1,18}")) {
      return null;
    }
    return Long.parseLong(text);
  }

  private static String when(Long number) {
    boolean plausible = number != null && number >= YEAR_2000_MS && number < YEAR_2100_MS;
    return plausible ? " (" + Instant.ofEpochMilli(number) + ")" : "";
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
