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
  ORDER_CONFLICT;

  /**
   * What the code tells a vendor, one sentence; schemas/vendor-contract.md's table of rejection
   * codes is generated from it (VendorContractDocTest fails when the two differ).
   */
  public String meaning() {
    return switch (this) {
      case NULL_VALUE -> "The record has no value (null, a tombstone); a submission needs one.";
      case EMPTY_VALUE -> "The value is empty: zero bytes, or only whitespace.";
      case RECORD_TOO_LARGE ->
          "The value is larger than ingest.max-record-bytes (256 KiB by default).";
      case UNRECOGNIZED_FORMAT ->
          "The value is neither JSON (starting with '{') nor Confluent-framed Avro (starting with byte 0).";
      case MALFORMED_JSON ->
          "The value starts like JSON but does not parse: syntax error, duplicate key or trailing data.";
      case MALFORMED_AVRO ->
          "The value is framed as Avro but its body does not decode with its writer schema.";
      case UNKNOWN_SCHEMA_ID -> "The Avro frame names a schema id the registry does not know.";
      case INCOMPATIBLE_SCHEMA ->
          "The Avro writer schema cannot be read as SubmittedOrder (not BACKWARD-compatible).";
      case INVALID_UTF8 ->
          "Text is not valid UTF-8 (bytes are never replaced, so the order is refused).";
      case MISSING_FIELD -> "A required field is absent (or null).";
      case UNKNOWN_FIELD -> "A field the schema does not define is present.";
      case WRONG_TYPE ->
          "A field has the wrong JSON type (a string for a number, an object for a list, ...).";
      case NOT_AN_INTEGER -> "A number that must be whole has a fraction (2.0 is accepted as 2).";
      case NUMBER_OUT_OF_RANGE -> "A number does not fit in 64 bits.";
      case INVALID_ID ->
          "vendorId, orderId, buyerId or an item's sku does not match ^[A-Za-z0-9._-]{1,64}$.";
      case TEXT_EMPTY -> "A text field is empty or only whitespace.";
      case TEXT_TOO_LONG ->
          "A text is too long once trimmed: an item name over 200 code points, the note over 500.";
      case CONTROL_CHARACTER ->
          "A text contains a control character (newlines are allowed in the note only).";
      case INVISIBLE_CHARACTER ->
          "A text a buyer will read contains an invisible formatting character (a bidirectional control, a zero-width character or another of Unicode category Cf); the order is refused, nothing is removed.";
      case NO_ITEMS -> "The order has no items.";
      case TOO_MANY_ITEMS -> "The order has more than 100 items.";
      case QUANTITY_OUT_OF_RANGE -> "An item's quantity is not between 1 and 10,000.";
      case PRICE_NOT_POSITIVE ->
          "An item's unitPriceMinor (minor units, e.g. kobo) is not greater than 0.";
      case TOTAL_MISMATCH ->
          "totalMinor is not exactly the sum of quantity x unitPriceMinor over the items.";
      case TOTAL_OVERFLOW -> "The sum of the items overflows 64 bits.";
      case INVALID_CURRENCY -> "currency is not an ISO-4217 code.";
      case CURRENCY_NOT_ALLOWED ->
          "currency is a valid code the pipeline does not accept (ingest.currencies: NGN).";
      case INVALID_TIMESTAMP ->
          "submittedAt is not an RFC 3339 time with an offset, such as 2025-11-26T09:15:00Z.";
      case TIMESTAMP_IN_FUTURE ->
          "submittedAt is more than ingest.max-future-skew (5 min) ahead of the pipeline's clock.";
      case TIMESTAMP_TOO_OLD -> "submittedAt is older than ingest.max-age (30 days).";
      case TOO_MANY_REASONS -> "More than 50 reasons were found; the rest were left out.";
      case UNPROCESSABLE ->
          "The service failed on this record (a bug on our side); it is refused rather than blocking its partition. Report it with the correlation id.";
      case OUTCOME_UNDELIVERABLE ->
          "This submission's outcome could not be written (too large for the broker, or another failure retrying cannot fix); this compact rejection (reasons, SHA-256, size and a prefix of the original) stands in for it.";
      case DUPLICATE_SUBMISSION ->
          "The same order (same vendorId:orderId, same content) was already accepted within the dedup window (7 days); the first submission stands, nothing is sent twice.";
      case ORDER_CONFLICT ->
          "An order with the same vendorId:orderId but different content was already accepted within the dedup window; use a new orderId for a new order.";
    };
  }
}
