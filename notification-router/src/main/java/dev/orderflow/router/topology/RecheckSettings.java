package dev.orderflow.router.topology;

import dev.orderflow.common.config.ConfigException;
import java.time.Duration;

/**
 * The second look for a buyer not found at first: a buyer who registered a moment ago may not be
 * visible yet (or may be cached as unknown).
 *
 * @param delay how long an order waits before the fresh look-up; zero re-checks at once
 * @param checkInterval how often parked orders are examined (wall-clock punctuation)
 */
public record RecheckSettings(Duration delay, Duration checkInterval) {

  public RecheckSettings {
    if (delay == null || delay.isNegative()) {
      throw new ConfigException("buyers.recheck.delay", "a duration >= 0", String.valueOf(delay));
    }
    if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new ConfigException(
          "buyers.recheck.interval", "a positive duration", String.valueOf(checkInterval));
    }
  }

  public static RecheckSettings defaults() {
    return new RecheckSettings(Duration.ofSeconds(3), Duration.ofMillis(250));
  }
}
