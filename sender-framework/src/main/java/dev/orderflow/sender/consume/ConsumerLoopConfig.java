package dev.orderflow.sender.consume;

import dev.orderflow.common.config.ConfigException;
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
      throw new ConfigException("sender.max-in-flight", "1..10000", String.valueOf(maxInFlight));
    }
    if (maxBuffered < maxInFlight) {
      throw new ConfigException(
          "sender.max-buffered",
          ">= sender.max-in-flight (" + maxInFlight + ")",
          String.valueOf(maxBuffered));
    }
    requirePositive("sender.commit-interval", commitInterval);
    requirePositive("sender.revoke-timeout", revokeTimeout);
    requirePositive("sender.shutdown-timeout", shutdownTimeout);
  }

  /** Named: deploy's manifests test reads it to check the pods' termination grace period. */
  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

  public static ConsumerLoopConfig defaults() {
    return new ConsumerLoopConfig(
        200, 2_000, Duration.ofSeconds(1), Duration.ofSeconds(10), DEFAULT_SHUTDOWN_TIMEOUT);
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigException(key, "a positive duration", String.valueOf(value));
    }
  }
}
