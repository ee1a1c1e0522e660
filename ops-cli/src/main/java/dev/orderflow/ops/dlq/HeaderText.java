package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.KafkaHeaders;
import org.apache.kafka.common.header.Headers;

/**
 * The pipeline's headers (UTF-8 text, numbers as decimal strings), null when absent or, for
 * numbers, malformed: a dead letter with a bad header must still be listed.
 */
final class HeaderText {
  private HeaderText() {}

  static String of(Headers headers, String name) {
    return KafkaHeaders.string(headers, name).orElse(null);
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
