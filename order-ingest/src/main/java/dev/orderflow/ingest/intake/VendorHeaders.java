package dev.orderflow.ingest.intake;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.logging.CorrelationIds;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What intake keeps of a submission's headers: an allowlist of two. The correlation id (kept when
 * it is {@code [A-Za-z0-9._:-]{1,128}}, else replaced by a new one) and the vendor's request id
 * (printable ASCII only, cut to {@value #MAX_REQUEST_ID_CHARS} characters). Every other header,
 * including a vendor's {@code dlq.*}, {@code retry.*}, {@code unroutable.*}, {@code replay.*} or
 * {@code ingest.*}, is dropped: it never reaches an output, so nothing downstream can take a
 * vendor's header for the pipeline's own, and a rejection only names it in {@link DroppedHeaders}.
 *
 * @param requestId null when absent or empty after sanitizing
 */
public record VendorHeaders(String correlationId, String requestId, DroppedHeaders dropped) {
  public static final int MAX_REQUEST_ID_CHARS = 128;

  public static VendorHeaders read(Headers headers) {
    String requestId = null;
    DroppedHeaders.Tally dropped = new DroppedHeaders.Tally();
    for (Header header : headers) {
      switch (header.key()) {
        case HeaderNames.CORRELATION_ID -> {}
        case HeaderNames.VENDOR_REQUEST_ID -> requestId = sanitized(header.value());
        default -> dropped.add(header);
      }
    }
    return new VendorHeaders(CorrelationIds.from(headers), requestId, dropped.summary());
  }

  private static String sanitized(byte[] value) {
    if (value == null) {
      return null;
    }
    String text = new String(value, StandardCharsets.UTF_8);
    StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_REQUEST_ID_CHARS));
    for (int i = 0; i < text.length() && kept.length() < MAX_REQUEST_ID_CHARS; i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x7F) {
        kept.append(c);
      }
    }
    return kept.isEmpty() ? null : kept.toString();
  }
}
