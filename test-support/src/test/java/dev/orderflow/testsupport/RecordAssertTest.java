package dev.orderflow.testsupport;

import static dev.orderflow.testsupport.RecordAssert.assertThatRecord;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordAssertTest {
  private final ConsumerRecord<byte[], byte[]> record = record();

  @Test
  void matchingKeyValueAndHeaderPass() {
    assertThatRecord(record)
        .hasKey("order-1")
        .hasValue("{}")
        .hasHeader("correlation-id", "c-1")
        .hasNoHeader("dlq.attempts");
  }

  @Test
  void wrongHeaderFailsSayingWhereTheRecordIs() {
    assertThatThrownBy(() -> assertThatRecord(record).hasHeader("correlation-id", "c-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected header <correlation-id=c-2> but was <c-1> (orders-0@5)");
  }

  @Test
  void missingHeaderFailsListingThePresentOnes() {
    assertThatThrownBy(() -> assertThatRecord(record).hasHeader("reject.reason", "x"))
        .hasMessage(
            "expected header <reject.reason> but the record has [correlation-id] (orders-0@5)");
  }

  private static ConsumerRecord<byte[], byte[]> record() {
    ConsumerRecord<byte[], byte[]> r =
        new ConsumerRecord<>("orders", 0, 5L, "order-1".getBytes(UTF_8), "{}".getBytes(UTF_8));
    r.headers().add("correlation-id", "c-1".getBytes(UTF_8));
    return r;
  }
}
