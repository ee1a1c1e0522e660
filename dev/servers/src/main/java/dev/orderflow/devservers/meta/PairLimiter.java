package dev.orderflow.devservers.meta;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Meta's pair rate limit: at most one accepted message per interval from a number to a user. */
final class PairLimiter {

  // Above this many remembered pairs, pairs whose interval has passed are forgotten.
  private static final int PURGE_THRESHOLD = 50_000;

  private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();
  private volatile Instant lastPurge = Instant.EPOCH;

  boolean tryAcquire(String account, String recipient, long intervalMs, Instant now) {
    if (intervalMs == 0) {
      return true;
    }
    purgeIfLarge(intervalMs, now);
    AtomicBoolean acquired = new AtomicBoolean();
    lastAccepted.compute(
        account + '/' + recipient,
        (pair, last) -> {
          if (last != null && now.isBefore(last.plusMillis(intervalMs))) {
            return last;
          }
          acquired.set(true);
          return now;
        });
    return acquired.get();
  }

  private void purgeIfLarge(long intervalMs, Instant now) {
    Instant cutoff = now.minusMillis(intervalMs);
    if (lastAccepted.size() > PURGE_THRESHOLD && lastPurge.isBefore(cutoff)) {
      lastPurge = now;
      lastAccepted.values().removeIf(cutoff::isAfter);
    }
  }

  void clear() {
    lastAccepted.clear();
  }
}
