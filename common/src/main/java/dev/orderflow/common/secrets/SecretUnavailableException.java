package dev.orderflow.common.secrets;

/** The secret could not be read (or read into a usable value) and no earlier value is held. */
public final class SecretUnavailableException extends RuntimeException {
  public SecretUnavailableException(String name, Throwable cause) {
    super("secret " + name + " is unavailable: " + cause.getMessage(), cause);
  }
}
