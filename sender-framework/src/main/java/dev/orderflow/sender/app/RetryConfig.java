package dev.orderflow.sender.app;

import java.time.Duration;
import java.util.List;

/** In-process attempts on the main topic and on each delay tier, the tiers, and the backoff. */
public record RetryConfig(
    int mainAttempts,
    int tierAttempts,
    List<Duration> delays,
    Duration backoffFirst,
    Duration backoffMax) {

  public RetryConfig {
    if (mainAttempts < 1 || mainAttempts > 10) {
      throw new IllegalArgumentException(
          "retry.main-attempts: expected 1..10, got " + mainAttempts);
    }
    if (tierAttempts < 1 || tierAttempts > 10) {
      throw new IllegalArgumentException(
          "retry.tier-attempts: expected 1..10, got " + tierAttempts);
    }
    delays = List.copyOf(delays);
    for (int i = 1; i < delays.size(); i++) {
      if (delays.get(i).compareTo(delays.get(i - 1)) <= 0) {
        throw new IllegalArgumentException(
            "retry.delays: expected increasing delays, got " + delays);
      }
    }
  }

  public static RetryConfig defaults() {
    return new RetryConfig(
        3,
        2,
        List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30)),
        Duration.ofMillis(200),
        Duration.ofSeconds(5));
  }
}
