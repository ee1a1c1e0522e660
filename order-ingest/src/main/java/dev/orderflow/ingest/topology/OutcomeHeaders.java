package dev.orderflow.ingest.topology;

import dev.orderflow.common.kafka.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of each record this service writes, built new for each: nothing a vendor sent is
 * copied but the allowlisted, sanitized correlation and request ids (see {@code VendorHeaders}),
 * and every record names the submission it answers ({@value HeaderNames#INGEST_SOURCE}), which is
 * how a send failure is traced back to its submission.
 */
final class OutcomeHeaders {
  /** Submitted keys longer than this are cut on rejections: no order id is near it. */
  static final int MAX_KEY_BYTES = 1024;

  private OutcomeHeaders() {}

  /** OrderCreated: correlation id, the vendor's request id if any, the source. */
  static Headers forCreated(String correlationId, String requestId, String source) {
    Headers headers = new RecordHeaders();
    put(headers, HeaderNames.CORRELATION_ID, correlationId);
    if (requestId != null) {
      put(headers, HeaderNames.VENDOR_REQUEST_ID, requestId);
    }
    put(headers, HeaderNames.INGEST_SOURCE, source);
    return headers;
  }

  /** A rejection: as OrderCreated, plus the distinct reason codes. */
  static Headers forRejection(
      String correlationId, String requestId, String reasonCodes, String source) {
    Headers headers = forCreated(correlationId, requestId, source);
    put(headers, HeaderNames.REJECT_REASON, reasonCodes);
    return headers;
  }

  /** The repartition copy needs nothing but its source: the rest travels in the envelope. */
  static Headers forDedup(String source) {
    Headers headers = new RecordHeaders();
    put(headers, HeaderNames.INGEST_SOURCE, source);
    return headers;
  }

  static byte[] boundedKey(byte[] key) {
    return key == null || key.length <= MAX_KEY_BYTES ? key : Arrays.copyOf(key, MAX_KEY_BYTES);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
