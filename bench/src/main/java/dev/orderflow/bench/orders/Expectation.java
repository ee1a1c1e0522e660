package dev.orderflow.bench.orders;

import dev.orderflow.devservers.meta.Platform;

/** What one submitted order must become at the end of the pipeline. */
public sealed interface Expectation {

  /** One message on {@code platform} to {@code recipient} showing {@code totalMinor}. */
  record Delivered(Platform platform, String recipient, long totalMinor) implements Expectation {}

  /** One record on the rejection topic. */
  record Rejected() implements Expectation {}

  /** One record on the unroutable topic, with this {@code unroutable.reason} header. */
  record Unroutable(String reason) implements Expectation {}
}
