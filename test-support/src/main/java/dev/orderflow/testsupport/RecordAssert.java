package dev.orderflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a consumed record, reading keys, values and headers as UTF-8: {@code
 * assertThatRecord(r).hasKey("order-1").hasHeader("correlation-id", "c-1")}.
 */
public final class RecordAssert
    extends AbstractAssert<RecordAssert, ConsumerRecord<byte[], byte[]>> {
  private RecordAssert(ConsumerRecord<byte[], byte[]> actual) {
    super(actual, RecordAssert.class);
  }

  public static RecordAssert assertThatRecord(ConsumerRecord<byte[], byte[]> actual) {
    return new RecordAssert(actual);
  }

  public RecordAssert hasKey(String expected) {
    isNotNull();
    String key = text(actual.key());
    if (!expected.equals(key)) {
      failWithMessage("expected key <%s> but was <%s> (%s)", expected, key, where());
    }
    return this;
  }

  public RecordAssert hasValue(String expected) {
    isNotNull();
    String value = text(actual.value());
    if (!expected.equals(value)) {
      failWithMessage("expected value <%s> but was <%s> (%s)", expected, value, where());
    }
    return this;
  }

  /** The last header of that name holds {@code expected}. */
  public RecordAssert hasHeader(String name, String expected) {
    isNotNull();
    Header header = actual.headers().lastHeader(name);
    if (header == null) {
      failWithMessage("expected header <%s> but the record has %s (%s)", name, names(), where());
    }
    String value = text(header.value());
    if (!expected.equals(value)) {
      failWithMessage("expected header <%s=%s> but was <%s> (%s)", name, expected, value, where());
    }
    return this;
  }

  public RecordAssert hasNoHeader(String name) {
    isNotNull();
    if (actual.headers().lastHeader(name) != null) {
      failWithMessage("expected no header <%s> (%s)", name, where());
    }
    return this;
  }

  private String where() {
    return actual.topic() + "-" + actual.partition() + "@" + actual.offset();
  }

  private String names() {
    return Arrays.toString(
        Arrays.stream(actual.headers().toArray()).map(Header::key).toArray(String[]::new));
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
