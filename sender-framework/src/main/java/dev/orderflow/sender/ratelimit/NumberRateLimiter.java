package dev.orderflow.sender.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's budget of the business number's messages per second, on resilience4j's
 * RateLimiter with one permit per 1/rate period (smooth pacing, no bursts at period starts). A new
 * rate replaces the limiter, since resilience4j can change the permits but not the period.
 */
public final class NumberRateLimiter {
  private static final Duration MAX_WAIT = Duration.ofSeconds(5);
  private final AtomicReference<RateLimiter> limiter = new AtomicReference<>();
  private volatile double rate;

  public NumberRateLimiter(double perSecond) {
    setRate(perSecond);
  }

  public void setRate(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate: expected > 0 messages/s, got " + perSecond);
    }
    rate = perSecond;
    long periodNanos = Math.max(1_000L, (long) (1_000_000_000L / perSecond));
    RateLimiterConfig config =
        RateLimiterConfig.custom()
            .limitForPeriod(1)
            .limitRefreshPeriod(Duration.ofNanos(periodNanos))
            .timeoutDuration(MAX_WAIT)
            .build();
    limiter.set(RateLimiter.of("number", config));
  }

  public double rate() {
    return rate;
  }

  /** Blocks until a permit is free; returns how long it waited. */
  public Duration acquire() throws InterruptedException {
    long start = System.nanoTime();
    while (!limiter.get().acquirePermission()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("waiting for a rate permit");
      }
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("waiting for a rate permit");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
