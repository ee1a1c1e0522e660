package dev.orderflow.ingest.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * An upper bound of the size the producer checks against {@code max.request.size} for one record (a
 * v2 batch holding it alone, uncompressed), computed before it is sent so that nothing this service
 * writes can be refused as too large by its own producer. Written here because Kafka's estimator
 * ({@code AbstractRecords.estimateSizeInBytesUpperBound}) lives in an internal package.
 */
final class RecordSize {
  /** Batch header (61) + record header (21) + three length varints, rounded up. */
  private static final int OVERHEAD = 100;

  private static final int PER_HEADER = 10;

  private RecordSize() {}

  static int of(byte[] key, byte[] value, Headers headers) {
    return OVERHEAD + length(key) + length(value) + of(headers);
  }

  static int of(Headers headers) {
    int size = 0;
    for (Header header : headers) {
      size += PER_HEADER + header.key().getBytes(StandardCharsets.UTF_8).length;
      size += length(header.value());
    }
    return size;
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }
}
