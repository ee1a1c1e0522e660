package dev.orderflow.testsupport;

import java.util.Locale;

/** Where a test's Kafka comes from. */
public enum KafkaMode {
  /** The running stack if KAFKA_BOOTSTRAP_SERVERS is set, else Testcontainers, else in-process. */
  AUTO,
  /** The local stack started by dev/start.sh (KAFKA_BOOTSTRAP_SERVERS, default 127.0.0.1:9092). */
  STACK,
  /** Testcontainers' apache/kafka image; needs a Docker engine. */
  CONTAINER,
  /** Kafka's own KRaft test kit in this JVM: one combined broker and controller. */
  IN_PROCESS;

  /** Parses {@code stack}, {@code container}, {@code in-process} or {@code auto}. */
  static KafkaMode parse(String text) {
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (KafkaMode mode : values()) {
      if (mode.name().equals(normalized)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        StackSettings.KAFKA_MODE_PROPERTY
            + ": expected auto, stack, container or in-process, got '"
            + text
            + "'");
  }
}
