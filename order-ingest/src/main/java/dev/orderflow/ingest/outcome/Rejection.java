package dev.orderflow.ingest.outcome;

import dev.orderflow.ingest.intake.DroppedHeaders;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.schema.SubmissionFormat;
import java.time.Instant;
import java.util.List;

/**
 * Everything a rejection record says.
 *
 * @param vendorId as read from the submission, or null
 * @param vendorOrderId as read from the submission, or null
 * @param format null when the bytes were not recognised as JSON or Avro
 * @param droppedHeaders the vendor headers that were not copied
 * @param original the submitted value, or null for a null value
 */
public record Rejection(
    RejectionKind kind,
    List<Reason> reasons,
    String vendorId,
    String vendorOrderId,
    String correlationId,
    Provenance source,
    SubmissionFormat format,
    Integer schemaId,
    Instant rejectedAt,
    DroppedHeaders droppedHeaders,
    Original original) {

  public Rejection {
    reasons = List.copyOf(reasons);
  }

  /** Distinct codes in order of first appearance, comma-separated: the reject.reason header. */
  public String reasonCodes() {
    return String.join(",", reasons.stream().map(r -> r.code().name()).distinct().toList());
  }
}
