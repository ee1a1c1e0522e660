package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigException;
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
      throw new ConfigException("retry.main-attempts", "1..10", String.valueOf(mainAttempts));
    }
    if (tierAttempts < 1 || tierAttempts > 10) {
      throw new ConfigException("retry.tier-attempts", "1..10", String.valueOf(tierAttempts));
    }
    delays = List.copyOf(delays);
    for (int i = 1; i < delays.size(); i++) {
      if (delays.get(i).compareTo(delays.get(i - 1)) <= 0) {
        throw new ConfigException("retry.delays", "increasing delays", String.valueOf(delays));
      }
    }
  }

  /** Named: deploy's manifests test reads it to find the tier topics the autoscalers follow. */
  static final List<Duration> DEFAULT_DELAYS =
      List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30));

  public static RetryConfig defaults() {
    return new RetryConfig(3, 2, DEFAULT_DELAYS, Duration.ofMillis(200), Duration.ofSeconds(5));
  }
}
