package dev.orderflow.router.topology;

import dev.orderflow.common.config.ConfigException;
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
      throw new ConfigException(
          "buyers.batch.max-size",
          "1.." + DynamoBuyerDirectory.MAX_BATCH_KEYS,
          String.valueOf(maxOrders));
    }
    if (linger == null || linger.isNegative() || linger.isZero()) {
      throw new ConfigException(
          "buyers.batch.linger", "a positive duration", String.valueOf(linger));
    }
    if (recheckMaxOrders < 1 || recheckMaxOrders > DynamoBuyerDirectory.MAX_BATCH_KEYS) {
      throw new ConfigException(
          "buyers.recheck.batch-size",
          "1.." + DynamoBuyerDirectory.MAX_BATCH_KEYS,
          String.valueOf(recheckMaxOrders));
    }
  }

  public static BatchSettings defaults() {
    return new BatchSettings(100, Duration.ofMillis(20), 100);
  }
}
