package dev.orderflow.ops.connect;

/**
 * The tool cannot tell where a system is, or its settings are malformed: nothing was contacted.
 * Every command exits 2 (usage or configuration error) on it, printing the one-line message.
 */
public final class ConnectionException extends RuntimeException {
  public static final int EXIT_CODE = 2;

  public ConnectionException(String message) {
    super(message);
  }
}
