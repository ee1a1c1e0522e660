package dev.orderflow.ingest.validation;

import java.util.Objects;

/**
 * One reason a submission was refused.
 *
 * @param code stable, machine-readable
 * @param field path into the order such as {@code items[2].quantity}, or {@code $} for the record
 * @param message a sentence a person understands
 */
public record Reason(ReasonCode code, String field, String message) {
  public static final String WHOLE_RECORD = "$";

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  private static final int ECHO_LIMIT = 80;

  /** Quotes a vendor's value in a message, cut short so a huge value cannot bloat a rejection. */
  public static String echo(String value) {
    if (value.codePointCount(0, value.length()) <= ECHO_LIMIT) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, ECHO_LIMIT)) + "…";
  }

  public static Reason ofRecord(ReasonCode code, String message) {
    return new Reason(code, WHOLE_RECORD, message);
  }
}
