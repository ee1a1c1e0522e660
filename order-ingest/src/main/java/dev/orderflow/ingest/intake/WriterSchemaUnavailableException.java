package dev.orderflow.ingest.intake;

/** The schema registry could not answer; the record must be retried, not rejected. */
public class WriterSchemaUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WriterSchemaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
