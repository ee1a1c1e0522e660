package dev.orderflow.sender.ratelimit;

import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This instance's budget of the business number's messages per second: one permit every 1/rate,
 * callers served in arrival order, and no burst after a quiet spell.
 *
 * <p>Written by hand because the libraries book ahead: resilience4j cannot change its period (a
 * replacement limiter leaves the callers already waiting on the old one, so both hand out permits
 * for a while), and Guava's and Bucket4j's blocking acquires reserve a future slot at the rate of
 * the moment, so after a cut the callers already booked still go out at the old pace. With up to
 * 200 sends waiting, either keeps the sender above what Meta allows for seconds after a throttle.
 * Here only the caller at the head of the queue waits on the clock, and it re-reads the rate while
 * it waits, so a new rate applies to the very next permit.
 */
public final class NumberRateLimiter {
  /** How often the caller at the head re-reads the rate while it waits. */
  private static final long RECHECK_NANOS = Duration.ofMillis(10).toNanos();

  /** Fair: callers take permits in the order they asked. */
  private final ReentrantLock queue = new ReentrantLock(true);

  private final Sleeper sleeper;
  private volatile double rate;
  private volatile long intervalNanos;
  private long lastPermit;
  private boolean anyPermit;

  public NumberRateLimiter(double perSecond) {
    this(perSecond, Sleeper.REAL);
  }

  NumberRateLimiter(double perSecond, Sleeper sleeper) {
    this.sleeper = sleeper;
    setRate(perSecond);
  }

  public void setRate(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate: expected > 0 messages/s, got " + perSecond);
    }
    rate = perSecond;
    intervalNanos = Math.max(1L, (long) (1e9 / perSecond));
  }

  public double rate() {
    return rate;
  }

  /** Blocks until this caller's permit is due; returns how long it waited. */
  public Duration acquire() throws InterruptedException {
    long start = System.nanoTime();
    queue.lockInterruptibly();
    try {
      while (true) {
        long now = System.nanoTime();
        long interval = intervalNanos;
        long early = anyPermit ? lastPermit + interval - now : 0;
        if (early <= 0) {
          // A late wake-up keeps the average pace (the next permit counts from when this one was
          // due); a longer quiet spell is not banked as a burst.
          lastPermit = anyPermit && -early < interval ? lastPermit + interval : now;
          anyPermit = true;
          return Duration.ofNanos(now - start);
        }
        sleeper.sleep(Duration.ofNanos(Math.min(early, RECHECK_NANOS)));
      }
    } finally {
      queue.unlock();
    }
  }
}
