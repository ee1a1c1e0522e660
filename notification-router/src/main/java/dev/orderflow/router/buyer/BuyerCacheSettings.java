package dev.orderflow.router.buyer;

import java.time.Duration;

/**
 * Bounds of the buyer cache.
 *
 * @param maximumSize entries kept at most
 * @param foundTtl how long a found buyer is trusted (a changed platform or opt-out shows after it)
 * @param unknownTtl how long "no such buyer" is trusted; short, since buyers register all the time
 */
public record BuyerCacheSettings(long maximumSize, Duration foundTtl, Duration unknownTtl) {

  public BuyerCacheSettings {
    if (maximumSize < 0) {
      throw new IllegalArgumentException("maximumSize must be 0 or more, was " + maximumSize);
    }
    if (foundTtl == null || foundTtl.isNegative()) {
      throw new IllegalArgumentException("foundTtl must be a duration of 0 or more");
    }
    if (unknownTtl == null || unknownTtl.isNegative()) {
      throw new IllegalArgumentException("unknownTtl must be a duration of 0 or more");
    }
  }

  public static BuyerCacheSettings defaults() {
    return new BuyerCacheSettings(100_000, Duration.ofMinutes(5), Duration.ofSeconds(10));
  }
}
