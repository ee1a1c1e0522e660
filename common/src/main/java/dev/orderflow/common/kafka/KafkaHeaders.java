package dev.orderflow.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads and writes the pipeline's headers (names in {@link HeaderNames}): UTF-8 strings, and longs
 * written as decimal strings so kcat and the ops tool show them as they are. {@code put…} replaces
 * any earlier value; reads take the last value.
 */
public final class KafkaHeaders {
  private KafkaHeaders() {}

  public static void putString(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<String> string(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return Optional.empty();
    }
    return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  public static void putLong(Headers headers, String name, long value) {
    putString(headers, name, Long.toString(value));
  }

  /**
   * The header as a long; empty when absent.
   *
   * @throws IllegalArgumentException naming the header when it holds something else
   */
  public static OptionalLong longValue(Headers headers, String name) {
    Optional<String> text = string(headers, name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "header " + name + ": expected a decimal long, got '" + text.get() + "'", e);
    }
  }
}
