package dev.orderflow.sender.retry;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads and writes the hop headers named in {@link dev.orderflow.common.kafka.HeaderNames}: values
 * are UTF-8 strings, numbers in decimal like the shared headers.
 */
public final class RetryHeaders {
  private RetryHeaders() {}

  static Optional<String> text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), UTF_8));
  }

  static Optional<Long> number(Headers headers, String name) {
    try {
      return text(headers, name).map(String::trim).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void put(Headers headers, String name, Object value) {
    headers.remove(name);
    if (value != null) {
      headers.add(name, value.toString().getBytes(UTF_8));
    }
  }
}
