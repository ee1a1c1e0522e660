package dev.orderflow.router.buyer;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.config.ConfigException;
import java.time.Duration;

/**
 * How long the router keeps asking a failing directory before giving up on this attempt (the stream
 * thread then fails and is replaced, resuming from its last committed offset).
 *
 * @param maxAttempts calls per lookup, the first included
 * @param initialBackoff longest wait after the first failure, doubled per attempt
 * @param maxBackoff cap on one wait (at least {@code initialBackoff})
 * @param openStateWait how long the circuit stays open before a probe call is let through
 */
public record DirectoryResilience(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration openStateWait) {

  /** Blocking must stay well under max.poll.interval.ms (5 minutes by default). */
  static final Duration MAX_TOTAL_BACKOFF = Duration.ofSeconds(60);

  public DirectoryResilience {
    if (maxAttempts < 1) {
      throw new ConfigException("buyers.retry.max-attempts", ">= 1", String.valueOf(maxAttempts));
    }
    requirePositive("buyers.retry.initial-backoff", initialBackoff);
    requirePositive("buyers.retry.max-backoff", maxBackoff);
    requirePositive("buyers.circuit.open-wait", openStateWait);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigException(
          "buyers.retry.max-backoff",
          ">= buyers.retry.initial-backoff (" + initialBackoff + ")",
          String.valueOf(maxBackoff));
    }
    if (worstCaseBackoff(maxAttempts, initialBackoff, maxBackoff).compareTo(MAX_TOTAL_BACKOFF)
        > 0) {
      throw new ConfigException(
          "buyers.retry.max-attempts",
          "attempts whose backoff (buyers.retry.initial-backoff doubling up to"
              + " buyers.retry.max-backoff) does not block a stream thread longer than "
              + MAX_TOTAL_BACKOFF,
          maxAttempts
              + " attempts waiting "
              + worstCaseBackoff(maxAttempts, initialBackoff, maxBackoff));
    }
  }

  public static DirectoryResilience defaults() {
    return new DirectoryResilience(
        6, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(2));
  }

  /**
   * The waits between attempts: common's backoff, doubling, half jittered so the stream threads of
   * every instance that met the same outage do not ask DynamoDB again in step.
   */
  public Backoff backoff() {
    return backoff(initialBackoff, maxBackoff);
  }

  /** The longest a single lookup can spend waiting between attempts. */
  public Duration worstCaseBackoff() {
    return worstCaseBackoff(maxAttempts, initialBackoff, maxBackoff);
  }

  private static Backoff backoff(Duration initial, Duration max) {
    return Backoff.exponential(initial, max).withJitter(0.5);
  }

  private static Duration worstCaseBackoff(int attempts, Duration initial, Duration max) {
    return backoff(initial, max).worstCase(attempts - 1);
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigException(key, "a positive duration", String.valueOf(value));
    }
  }
}
