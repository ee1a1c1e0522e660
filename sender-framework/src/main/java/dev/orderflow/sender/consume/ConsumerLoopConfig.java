package dev.orderflow.sender.consume;

import java.time.Duration;

/**
 * Tuning of the consume loop. {@code maxInFlight} bounds concurrent handlers; {@code maxBuffered}
 * bounds records held in memory (fetched, not finished) before the loop pauses fetching.
 */
public record ConsumerLoopConfig(
    int maxInFlight,
    int maxBuffered,
    Duration commitInterval,
    Duration revokeTimeout,
    Duration shutdownTimeout) {

  public ConsumerLoopConfig {
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException("maxInFlight: expected 1..10000, got " + maxInFlight);
    }
    if (maxBuffered < maxInFlight) {
      throw new IllegalArgumentException(
          "maxBuffered: expected >= maxInFlight (" + maxInFlight + "), got " + maxBuffered);
    }
    requirePositive("commitInterval", commitInterval);
    requirePositive("revokeTimeout", revokeTimeout);
    requirePositive("shutdownTimeout", shutdownTimeout);
  }

  public static ConsumerLoopConfig defaults() {
    return new ConsumerLoopConfig(
        200, 2_000, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": expected a positive duration, got " + value);
    }
  }
}
