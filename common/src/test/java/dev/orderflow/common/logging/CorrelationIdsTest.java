package dev.orderflow.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdsTest {
  private final Headers headers = new RecordHeaders();

  @Test
  void idIsReadFromTheHeader() {
    KafkaHeaders.putString(headers, HeaderNames.CORRELATION_ID, "vendor-req-17");

    assertThat(CorrelationIds.from(headers)).isEqualTo("vendor-req-17");
  }

  @Test
  void recordWithoutIdGetsANewUuid() {
    assertThat(CorrelationIds.from(headers))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        .isNotEqualTo(CorrelationIds.from(headers));
  }

  @Test
  void malformedIdIsReplacedNotPropagated() {
    KafkaHeaders.putString(headers, HeaderNames.CORRELATION_ID, "x\nlevel=ERROR forged");

    assertThat(CorrelationIds.from(headers)).doesNotContain("forged").hasSize(36);
  }

  @Test
  void putWritesTheHeaderOnce() {
    CorrelationIds.put(headers, "a");
    CorrelationIds.put(headers, "b");

    assertThat(headers.headers(HeaderNames.CORRELATION_ID)).hasSize(1);
    assertThat(CorrelationIds.from(headers)).isEqualTo("b");
  }

  @Test
  void mdcScopeRestoresTheOuterIdWhenItCloses() {
    CorrelationIds.Scope outer = CorrelationIds.inMdc("outer");
    CorrelationIds.Scope inner = CorrelationIds.inMdc("inner");
    assertThat(MDC.get(CorrelationIds.MDC_KEY)).isEqualTo("inner");

    inner.close();
    assertThat(MDC.get(CorrelationIds.MDC_KEY)).isEqualTo("outer");

    outer.close();
    assertThat(MDC.get(CorrelationIds.MDC_KEY)).isNull();
  }
}
