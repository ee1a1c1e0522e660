package dev.orderflow.ops.dlq;

import java.util.List;

/** Where {@code ops order show} looks; the defaults are the pipeline's topic names. */
record OrderStoryTopics(
    String created,
    String rejected,
    List<String> routed,
    String status,
    List<String> deadLetters,
    String audit) {
  OrderStoryTopics {
    routed = List.copyOf(routed);
    deadLetters = List.copyOf(deadLetters);
  }
}
