package dev.orderflow.ingest.topology;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers of each outcome, and the one header this service uses between its two stages. */
final class OutcomeHeaders {
  /** The submitted record's key, carried across the re-keying so the rejection can reuse it. */
  static final String SOURCE_KEY = "ingest.source-key";

  private OutcomeHeaders() {}

  /** OrderCreated carries the correlation id and, if the vendor sent one, its request id. */
  static Headers forCreated(Headers submitted, String correlationId) {
    Headers headers = new RecordHeaders();
    put(headers, HeaderNames.CORRELATION_ID, correlationId);
    Header requestId = submitted.lastHeader(HeaderNames.VENDOR_REQUEST_ID);
    if (requestId != null) {
      headers.add(requestId);
    }
    return headers;
  }

  /** A rejection keeps every header the vendor sent and adds the correlation id and the codes. */
  static Headers forRejection(Headers submitted, String correlationId, String reasonCodes) {
    Headers headers = new RecordHeaders();
    for (Header header : submitted) {
      if (!header.key().equals(SOURCE_KEY)) {
        headers.add(header);
      }
    }
    put(headers, HeaderNames.CORRELATION_ID, correlationId);
    put(headers, HeaderNames.REJECT_REASON, reasonCodes);
    return headers;
  }

  /** The submitted headers plus the correlation id and the submitted key, for the dedup stage. */
  static Headers forDedup(Headers submitted, String correlationId, byte[] submittedKey) {
    Headers headers = new RecordHeaders(submitted.toArray());
    put(headers, HeaderNames.CORRELATION_ID, correlationId);
    headers.remove(SOURCE_KEY);
    if (submittedKey != null) {
      headers.add(SOURCE_KEY, submittedKey);
    }
    return headers;
  }

  static byte[] sourceKey(Headers headers) {
    Header header = headers.lastHeader(SOURCE_KEY);
    return header == null ? null : header.value();
  }

  private static void put(Headers headers, String name, String value) {
    KafkaHeaders.putString(headers, name, value);
  }
}
