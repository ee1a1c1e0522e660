package dev.orderflow.ops.provision;

/** The pipeline file is unreadable or breaks a rule; the message names the key. */
public final class InvalidSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSpecException(String message) {
    super(message);
  }

  public InvalidSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
