package dev.orderflow.sender.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniformly random pause between zero and the capped
 * exponential bound), which spreads retries of many workers hitting the same failure.
 */
public record Backoff(Duration first, Duration max, DoubleSupplier random) {

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "backoff: expected 0 < first <= max, got first=" + first + " max=" + max);
    }
  }

  /** The pause before retry number {@code retry} (1 for the first retry). */
  public Duration pauseBefore(int retry) {
    long bound = first.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    long capped = Math.min(bound, max.toMillis());
    return Duration.ofMillis((long) (random.getAsDouble() * capped));
  }
}
