package dev.orderflow.devservers.meta;

/**
 * Unwinds request validation, however deeply nested, to the one place that answers the call.
 * Validation of a JSON tree is the one place here where an exception reads better than a value.
 */
final class GraphException extends RuntimeException {

  private final transient GraphError error;

  GraphException(GraphError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  static GraphException invalid(int code, String details) {
    return new GraphException(GraphError.of(code, details));
  }

  GraphError error() {
    return error;
  }
}
