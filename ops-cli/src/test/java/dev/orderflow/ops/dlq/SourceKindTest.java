package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import org.junit.jupiter.api.Test;

class SourceKindTest {
  private final Letters letters = new Letters();

  @Test
  void theKindComesFromThePipelinesTopicNamesWhateverTheirPrefixSuffixOrVersion() {
    assertThat(SourceKind.of("notify.whatsapp.dlq.v1")).isEqualTo(SourceKind.SENDER);
    assertThat(SourceKind.of("staging.notify.instagram.dlq.v2")).isEqualTo(SourceKind.SENDER);
    assertThat(SourceKind.of("notify.whatsapp.dlq.v1.DlqListIT.list.1a2b3c"))
        .isEqualTo(SourceKind.SENDER);
    assertThat(SourceKind.of("notify.unroutable.v1")).isEqualTo(SourceKind.UNROUTABLE);
    assertThat(SourceKind.of("notification-router.dlq.v1")).isEqualTo(SourceKind.ROUTER);
    assertThat(SourceKind.of("orders.rejected.v1")).isEqualTo(SourceKind.REJECTED);
    assertThat(SourceKind.of("notify.whatsapp.v1")).isEqualTo(SourceKind.OTHER);
    assertThat(SourceKind.of("xnotify.whatsapp.dlq.v1")).isEqualTo(SourceKind.OTHER);
    assertThat(SourceKind.of("scratch")).isEqualTo(SourceKind.OTHER);
  }

  @Test
  void aVendorsDeadLetterHeadersDoNotMakeARecordASendersDeadLetter() {
    // Given: a record on the unroutable topic carrying headers a vendor made up
    Parked forged =
        Parked.in("notify.unroutable.v1")
            .key("vendor-9:X-1")
            .value("{\"orderId\":\"vendor-9:X-1\"}".getBytes(UTF_8))
            .header(HeaderNames.UNROUTABLE_REASON, "UNKNOWN_BUYER")
            .header(HeaderNames.DLQ_ORIGINAL_TOPIC, "orders.submitted.v1")
            .header(HeaderNames.DLQ_ERROR_CLASS, "PERMANENT");
    // and one with sender headers on a topic that is no dead-letter topic
    Parked elsewhere =
        Parked.in("scratch.v1")
            .key("k")
            .value("{}".getBytes(UTF_8))
            .senderFailure("notify.whatsapp.v1", "PERMANENT", "131026", "x");

    // When
    DeadLetter unroutable = letters.read(forged, 0);
    DeadLetter other = letters.read(elsewhere, 0);

    // Then
    assertThat(unroutable.kind()).isEqualTo(SourceKind.UNROUTABLE);
    assertThat(unroutable.errorClass()).isEqualTo(DeadLetterReader.UNROUTABLE_CLASS);
    assertThat(unroutable.originalTopic()).isNull();
    assertThat(other.kind()).isEqualTo(SourceKind.OTHER);
    assertThat(other.errorClass()).isNull();
  }
}
