package dev.orderflow.ops.dlq;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The pipeline's headers are UTF-8 text (numbers as decimal strings); null when absent. */
final class HeaderText {
  private HeaderText() {}

  static String of(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  static Integer integer(Headers headers, String name) {
    String text = of(headers, name);
    try {
      return text == null ? null : Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long number(Headers headers, String name) {
    String text = of(headers, name);
    try {
      return text == null ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
