package dev.orderflow.ops.dlq;

import static dev.orderflow.common.kafka.HeaderNames.DLQ_COMPACT;
import static dev.orderflow.common.kafka.HeaderNames.DLQ_COMPACT_REASON;
import static dev.orderflow.common.kafka.HeaderNames.DLQ_ORIGINAL_SHA256;
import static dev.orderflow.common.kafka.HeaderNames.DLQ_ORIGINAL_SIZE;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A sender's compact dead letter ({@code dlq.compact=true}): Kafka refused the whole record (too
 * large, invalid), so the sender kept only its {@code dlq.*} headers, its correlation id and the
 * value's first bytes. The original is not there, so it can be shown but never replayed.
 *
 * @param originalSize the original value's size in bytes, or null when the header is missing
 * @param sha256 the original value's SHA-256 (hex), or null
 * @param reason why the whole record was refused, or null
 */
record CompactLetter(Long originalSize, String sha256, String reason) {

  static Optional<CompactLetter> of(ConsumerRecord<byte[], byte[]> record) {
    if (record == null || !"true".equals(HeaderText.of(record.headers(), DLQ_COMPACT))) {
      return Optional.empty();
    }
    var h = record.headers();
    return Optional.of(
        new CompactLetter(
            HeaderText.number(h, DLQ_ORIGINAL_SIZE),
            HeaderText.of(h, DLQ_ORIGINAL_SHA256),
            HeaderText.of(h, DLQ_COMPACT_REASON)));
  }

  static boolean is(DeadLetter letter) {
    return of(letter.record()).isPresent();
  }

  /** One line for show and for replay's refusal. */
  String describe() {
    return "the original value ("
        + (originalSize == null ? "?" : originalSize)
        + " bytes, sha256 "
        + (sha256 == null ? "?" : sha256)
        + ") was refused by Kafka"
        + (reason == null ? "" : " (" + reason + ")")
        + "; only its dlq.* headers and first bytes were kept";
  }
}
