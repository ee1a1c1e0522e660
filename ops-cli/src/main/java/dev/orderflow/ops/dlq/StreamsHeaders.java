package dev.orderflow.ops.dlq;

/**
 * The headers Kafka Streams puts on its dead letters (KIP-1034; the constants live in Streams'
 * internal ExceptionHandlerUtils, which this tool does not depend on). All are UTF-8 strings.
 */
final class StreamsHeaders {
  static final String PREFIX = "__streams.errors.";
  static final String EXCEPTION = "__streams.errors.exception";
  static final String MESSAGE = "__streams.errors.message";
  static final String STACKTRACE = "__streams.errors.stacktrace";
  static final String TOPIC = "__streams.errors.topic";
  static final String PARTITION = "__streams.errors.partition";
  static final String OFFSET = "__streams.errors.offset";

  private StreamsHeaders() {}
}
