package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.HeaderNames;
import org.apache.kafka.common.header.Headers;

/** Which part of the pipeline parked a record, told from the headers it carries. */
enum SourceKind {
  /** A sender's {@code notify.<platform>.dlq.v1}: {@code dlq.*} headers. */
  SENDER,
  /** The router's {@code notify.unroutable.v1}: {@code unroutable.*} headers. */
  UNROUTABLE,
  /** The router's Kafka Streams dead-letter topic (KIP-1034): {@code __streams.errors.*}. */
  ROUTER,
  /** order-ingest's {@code orders.rejected.v1}: a JSON rejection; read-only here. */
  REJECTED,
  /** None of the above: shown as it is, never replayed without {@code --to}. */
  OTHER;

  static SourceKind of(Headers headers) {
    if (headers.lastHeader(HeaderNames.DLQ_ORIGINAL_TOPIC) != null
        || headers.lastHeader(HeaderNames.DLQ_ERROR_CLASS) != null) {
      return SENDER;
    }
    if (headers.lastHeader(StreamsHeaders.TOPIC) != null
        || headers.lastHeader(StreamsHeaders.EXCEPTION) != null) {
      return ROUTER;
    }
    if (headers.lastHeader(HeaderNames.UNROUTABLE_REASON) != null) {
      return UNROUTABLE;
    }
    if (headers.lastHeader(HeaderNames.REJECT_REASON) != null) {
      return REJECTED;
    }
    return OTHER;
  }
}
