package dev.orderflow.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaHeadersTest {
  private final Headers headers = new RecordHeaders();

  @Test
  void putReplacesAnEarlierValue() {
    KafkaHeaders.putString(headers, HeaderNames.REJECT_REASON, "first");
    KafkaHeaders.putString(headers, HeaderNames.REJECT_REASON, "naïra ₦");

    assertThat(headers.headers(HeaderNames.REJECT_REASON)).hasSize(1);
    assertThat(KafkaHeaders.string(headers, HeaderNames.REJECT_REASON)).contains("naïra ₦");
  }

  @Test
  void longIsWrittenAsADecimalString() {
    KafkaHeaders.putLong(headers, HeaderNames.RETRY_DUE_AT, 1_764_000_000_000L);

    assertThat(
            new String(
                headers.lastHeader(HeaderNames.RETRY_DUE_AT).value(), StandardCharsets.UTF_8))
        .isEqualTo("1764000000000");
    assertThat(KafkaHeaders.longValue(headers, HeaderNames.RETRY_DUE_AT))
        .isEqualTo(OptionalLong.of(1_764_000_000_000L));
  }

  @Test
  void absentHeaderIsEmpty() {
    assertThat(KafkaHeaders.string(headers, HeaderNames.CORRELATION_ID)).isEmpty();
    assertThat(KafkaHeaders.longValue(headers, HeaderNames.RETRY_ATTEMPTS)).isEmpty();
  }

  @Test
  void malformedLongNamesTheHeader() {
    KafkaHeaders.putString(headers, HeaderNames.RETRY_ATTEMPTS, "three");

    assertThatThrownBy(() -> KafkaHeaders.longValue(headers, HeaderNames.RETRY_ATTEMPTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header retry.attempts: expected a decimal long, got 'three'");
  }
}
