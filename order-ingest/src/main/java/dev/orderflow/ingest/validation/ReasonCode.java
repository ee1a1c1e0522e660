package dev.orderflow.ingest.validation;

/**
 * Stable codes for why a submission was refused. Vendors match on these, so a code is never renamed
 * or reused for another meaning; new codes may be added.
 */
public enum ReasonCode {
  // The record as a whole.
  NULL_VALUE,
  EMPTY_VALUE,
  RECORD_TOO_LARGE,
  UNRECOGNIZED_FORMAT,
  MALFORMED_JSON,
  MALFORMED_AVRO,
  UNKNOWN_SCHEMA_ID,
  INCOMPATIBLE_SCHEMA,
  INVALID_UTF8,
  // One field.
  MISSING_FIELD,
  UNKNOWN_FIELD,
  WRONG_TYPE,
  NOT_AN_INTEGER,
  NUMBER_OUT_OF_RANGE,
  INVALID_ID,
  TEXT_EMPTY,
  TEXT_TOO_LONG,
  CONTROL_CHARACTER,
  /** A bidirectional control or zero-width character in text a buyer will read. */
  INVISIBLE_CHARACTER,
  NO_ITEMS,
  TOO_MANY_ITEMS,
  QUANTITY_OUT_OF_RANGE,
  PRICE_NOT_POSITIVE,
  TOTAL_MISMATCH,
  TOTAL_OVERFLOW,
  INVALID_CURRENCY,
  CURRENCY_NOT_ALLOWED,
  INVALID_TIMESTAMP,
  TIMESTAMP_IN_FUTURE,
  TIMESTAMP_TOO_OLD,
  TOO_MANY_REASONS,
  /** The service failed on this record; it is refused rather than blocking its partition. */
  UNPROCESSABLE,
  /**
   * This record's outcome could not be written (too large for the broker, or another failure that
   * retrying cannot fix); a compact rejection stands in for it.
   */
  OUTCOME_UNDELIVERABLE,
  // Against earlier submissions.
  DUPLICATE_SUBMISSION,
  ORDER_CONFLICT
}
