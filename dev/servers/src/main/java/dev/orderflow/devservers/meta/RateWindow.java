package dev.orderflow.devservers.meta;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding one-second log of accepted calls per key (one key per account).
 *
 * <p>Hand-written rather than resilience4j's RateLimiter: that one refreshes permits in fixed
 * cycles and is built to make callers wait, while Meta refuses at once whenever the last second
 * already holds the cap; a timestamp queue says exactly that and follows the injected clock.
 */
final class RateWindow {

  private static final long WINDOW_MS = 1_000;

  private final Map<String, ArrayDeque<Long>> calls = new ConcurrentHashMap<>();

  /** Records a call and returns true if fewer than {@code limit} happened in the last second. */
  boolean tryAcquire(String key, int limit, Instant now) {
    ArrayDeque<Long> recent = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
    long nowMs = now.toEpochMilli();
    synchronized (recent) {
      while (!recent.isEmpty() && recent.peekFirst() <= nowMs - WINDOW_MS) {
        recent.pollFirst();
      }
      if (recent.size() >= limit) {
        return false;
      }
      recent.addLast(nowMs);
      return true;
    }
  }

  void clear() {
    calls.clear();
  }
}
