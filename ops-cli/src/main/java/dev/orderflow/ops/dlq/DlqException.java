package dev.orderflow.ops.dlq;

/** A failure the user can act on: its message is printed as one line, its code is the exit code. */
final class DlqException extends RuntimeException {
  private final int exitCode;

  DlqException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  DlqException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  static DlqException usage(String message) {
    return new DlqException(ExitCode.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
