package dev.orderflow.router.buyer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache in front of another directory: found buyers for {@code foundTtl}, unknown ones
 * for the shorter {@code unknownTtl}. Failures are never cached. {@link #findFresh} skips the cache
 * and stores what it learns, so a buyer who just registered replaces the cached "unknown".
 */
public final class CachedBuyerDirectory implements BuyerDirectory, MeterBinder {

  private final BuyerDirectory delegate;
  private final Cache<String, BuyerLookup> cache;

  public CachedBuyerDirectory(BuyerDirectory delegate, BuyerCacheSettings settings) {
    this(delegate, settings, Ticker.systemTicker());
  }

  CachedBuyerDirectory(BuyerDirectory delegate, BuyerCacheSettings settings, Ticker ticker) {
    this.delegate = delegate;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(settings.maximumSize())
            .expireAfter(Expiry.creating((String id, BuyerLookup answer) -> ttl(settings, answer)))
            .ticker(ticker)
            .recordStats()
            .build();
  }

  @Override
  public BuyerLookup find(String buyerId) {
    return cache.get(buyerId, delegate::find);
  }

  @Override
  public BuyerLookup findFresh(String buyerId) {
    BuyerLookup answer = delegate.findFresh(buyerId);
    cache.put(buyerId, answer);
    return answer;
  }

  /** Misses are looked up together, in one call to the delegate. */
  @Override
  public Map<String, BuyerLookup> findAll(Collection<String> buyerIds) {
    return cache.getAll(buyerIds, missing -> delegate.findAll(List.copyOf(missing)));
  }

  @Override
  public Map<String, BuyerLookup> findAllFresh(Collection<String> buyerIds) {
    Map<String, BuyerLookup> answers = delegate.findAllFresh(buyerIds);
    cache.putAll(answers);
    return answers;
  }

  @Override
  public Optional<BuyerLookup> cached(String buyerId) {
    return Optional.ofNullable(cache.getIfPresent(buyerId));
  }

  /**
   * Forgets what is cached about these buyers, so their next order reads the item again: called
   * when this instance has just recorded their inbound message (window, opt-out).
   */
  public void invalidate(Collection<String> buyerIds) {
    cache.invalidateAll(buyerIds);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, cache, "router.buyers");
  }

  long hitCount() {
    return cache.stats().hitCount();
  }

  private static Duration ttl(BuyerCacheSettings settings, BuyerLookup answer) {
    return switch (answer) {
      case BuyerLookup.Found found -> settings.foundTtl();
      case BuyerLookup.Unknown unknown -> settings.unknownTtl();
    };
  }
}
