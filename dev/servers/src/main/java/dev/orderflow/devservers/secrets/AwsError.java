package dev.orderflow.devservers.secrets;

/** An error shaped like Secrets Manager's: the SDK maps {@code type} to its exception class. */
final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  AwsError(String type, int status, String message) {
    super(message);
    this.type = type;
    this.status = status;
  }

  static AwsError notFound() {
    return new AwsError(
        "ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret.");
  }

  static AwsError invalidParameter(String message) {
    return new AwsError("InvalidParameterException", 400, message);
  }

  static AwsError exists(String message) {
    return new AwsError("ResourceExistsException", 400, message);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }
}
