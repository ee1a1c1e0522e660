package dev.orderflow.webhooks.publish;

/** Not every record of a webhook was acknowledged by Kafka in time; Meta must deliver it again. */
public final class WriteFailedException extends Exception {
  public WriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
