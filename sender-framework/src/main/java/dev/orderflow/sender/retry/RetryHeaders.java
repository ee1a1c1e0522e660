package dev.orderflow.sender.retry;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Hop headers beyond {@link dev.orderflow.common.kafka.HeaderNames}: where a record on a delay tier
 * first came from, so its dead letter names the main-topic record, not the last tier's copy. All
 * values are UTF-8 decimal strings like the shared headers.
 */
public final class RetryHeaders {
  private RetryHeaders() {}

  public static final String PREFIX = "retry.";
  public static final String ORIGINAL_TOPIC = "retry.original.topic";
  public static final String ORIGINAL_PARTITION = "retry.original.partition";
  public static final String ORIGINAL_OFFSET = "retry.original.offset";
  public static final String ORIGINAL_TIMESTAMP = "retry.original.timestamp";

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
