package dev.orderflow.router.buyer;

import dev.orderflow.common.config.ConfigException;
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
      throw new ConfigException("buyers.cache.max-size", ">= 0", String.valueOf(maximumSize));
    }
    if (foundTtl == null || foundTtl.isNegative()) {
      throw new ConfigException(
          "buyers.cache.found-ttl", "a duration >= 0", String.valueOf(foundTtl));
    }
    if (unknownTtl == null || unknownTtl.isNegative()) {
      throw new ConfigException(
          "buyers.cache.unknown-ttl", "a duration >= 0", String.valueOf(unknownTtl));
    }
  }

  public static BuyerCacheSettings defaults() {
    return new BuyerCacheSettings(100_000, Duration.ofMinutes(5), Duration.ofSeconds(10));
  }
}
