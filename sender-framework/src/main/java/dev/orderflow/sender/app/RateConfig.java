package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigException;
import java.time.Duration;

/**
 * The business number's messages per second shared by all instances (80 by default, up to 1,000),
 * the per-recipient pace and penalty, and the throttle's pauses.
 */
public record RateConfig(
    double numberPerSecond,
    Duration recipientPace,
    Duration recipientPenalty,
    Duration throttleFirstPause,
    Duration throttleMaxPause,
    int maxThrottleWaits) {

  public RateConfig {
    if (!(numberPerSecond >= 1 && numberPerSecond <= 1_000)) {
      throw new ConfigException(
          "rate.number-per-second", "1..1000", String.valueOf(numberPerSecond));
    }
    if (recipientPace.isNegative()) {
      throw new ConfigException("rate.recipient-pace", ">= 0", String.valueOf(recipientPace));
    }
    if (throttleMaxPause.compareTo(throttleFirstPause) < 0) {
      throw new ConfigException(
          "rate.throttle-max-pause",
          ">= rate.throttle-first-pause (" + throttleFirstPause + ")",
          String.valueOf(throttleMaxPause));
    }
  }

  public static RateConfig defaults() {
    return new RateConfig(
        80,
        Duration.ofSeconds(6),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        5);
  }
}
