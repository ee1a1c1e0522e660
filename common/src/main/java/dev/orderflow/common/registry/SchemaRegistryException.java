package dev.orderflow.common.registry;

/**
 * A registry call that did not give an answer the caller can use. {@link #status()} is the HTTP
 * status, or {@link #NO_RESPONSE} when none arrived (refused, timed out); {@link #errorCode()} is
 * the registry's error_code (e.g. 40401 subject not found, 40403 schema not found, 409 or 40901
 * incompatible), or 0 when the body had none.
 */
public final class SchemaRegistryException extends RuntimeException {
  public static final int NO_RESPONSE = 0;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  /** No response, a server error, a timeout or throttling: the same call may work later. */
  public boolean isTransient() {
    return status == NO_RESPONSE || status >= 500 || status == 408 || status == 429;
  }
}
