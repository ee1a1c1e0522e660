package dev.orderflow.router.topology;

import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import java.time.Duration;

/**
 * How the router gathers cold-cache look-ups into one {@code BatchGetItem}.
 *
 * @param maxOrders orders buffered at most before the look-up is made (so at most this many buyer
 *     ids per request; DynamoDB takes at most 100)
 * @param linger how long a buffered order waits, by wall clock, for others to share its request
 * @param recheckMaxOrders parked orders re-checked at most per punctuation, so that a long outage's
 *     backlog is worked off in steps well inside {@code max.poll.interval.ms}
 */
public record BatchSettings(int maxOrders, Duration linger, int recheckMaxOrders) {

  public BatchSettings {
    if (maxOrders < 1 || maxOrders > DynamoBuyerDirectory.MAX_BATCH_KEYS) {
      throw new IllegalArgumentException(
          "batch size must be 1 to " + DynamoBuyerDirectory.MAX_BATCH_KEYS + ", was " + maxOrders);
    }
    if (linger == null || linger.isNegative() || linger.isZero()) {
      throw new IllegalArgumentException("batch linger must be a positive duration");
    }
    if (recheckMaxOrders < 1 || recheckMaxOrders > DynamoBuyerDirectory.MAX_BATCH_KEYS) {
      throw new IllegalArgumentException(
          "recheck batch size must be 1 to "
              + DynamoBuyerDirectory.MAX_BATCH_KEYS
              + ", was "
              + recheckMaxOrders);
    }
  }

  public static BatchSettings defaults() {
    return new BatchSettings(100, Duration.ofMillis(20), 100);
  }
}
