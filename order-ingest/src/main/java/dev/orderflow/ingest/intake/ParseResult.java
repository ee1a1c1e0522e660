package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.schema.SubmissionFormat;
import java.util.List;

/** What the reader made of a record's bytes. */
public sealed interface ParseResult {

  /** The form the record was recognised as, or null when it was not recognised. */
  SubmissionFormat format();

  /** The registry id of the writer schema for Avro, else null. */
  Integer schemaId();

  /** The bytes held an order (which may still break rules, see {@link DraftOrder#problems()}). */
  record Readable(DraftOrder draft, SubmissionFormat format, Integer schemaId)
      implements ParseResult {}

  /** The bytes could not be read as an order at all. */
  record Unreadable(List<Reason> reasons, SubmissionFormat format, Integer schemaId)
      implements ParseResult {
    public Unreadable {
      reasons = List.copyOf(reasons);
    }
  }
}
