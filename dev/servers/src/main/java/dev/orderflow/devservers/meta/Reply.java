package dev.orderflow.devservers.meta;

/** What the simulator answers to one Graph call. */
sealed interface Reply {

  /** HTTP 200 with a JSON body. */
  record Ok(Object body) implements Reply {}

  /** A Graph error; {@code platform} decides the body's platform-specific parts. */
  record Failure(GraphError error, Platform platform) implements Reply {}

  /** A body that is not Graph JSON, as a proxy in front of Meta would send. */
  record Raw(int status, String contentType, String text) implements Reply {}
}
