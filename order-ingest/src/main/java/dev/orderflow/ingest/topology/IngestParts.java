package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.outcome.RejectionWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * What the topology is built from, besides its topics.
 *
 * @param dedupWindow how long an accepted order id is remembered
 * @param maxOutgoingBytes no record this service sends is larger (key, value and headers)
 * @param undeliverable submissions whose outcome could not be sent, shared with the production
 *     exception handler
 */
public record IngestParts(
    Assessor assessor,
    RejectionWriter rejections,
    Duration dedupWindow,
    int maxOutgoingBytes,
    Clock clock,
    IngestMetrics metrics,
    UndeliverableOutcomes undeliverable) {

  public IngestParts {
    if (maxOutgoingBytes < 2 * RejectionWriter.COMPACT_MAX_BYTES) {
      throw new IllegalArgumentException(
          "maxOutgoingBytes: expected at least "
              + 2 * RejectionWriter.COMPACT_MAX_BYTES
              + " so that a compact rejection always fits, got "
              + maxOutgoingBytes);
    }
  }
}
