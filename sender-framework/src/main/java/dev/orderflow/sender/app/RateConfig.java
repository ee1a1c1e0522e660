package dev.orderflow.sender.app;

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
      throw new IllegalArgumentException(
          "rate.number-per-second: expected 1..1000, got " + numberPerSecond);
    }
    if (recipientPace.isNegative()) {
      throw new IllegalArgumentException(
          "rate.recipient-pace: expected >= 0, got " + recipientPace);
    }
    if (throttleMaxPause.compareTo(throttleFirstPause) < 0) {
      throw new IllegalArgumentException(
          "rate.throttle-max-pause: expected >= rate.throttle-first-pause, got "
              + throttleMaxPause);
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
