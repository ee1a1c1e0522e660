package dev.orderflow.ops.dlq;

import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Spaces sends evenly at {@code rate} per second. Hand-written because resilience4j's limiter
 * grants a period's permits at once (a burst every period), where a replay into a live pipeline
 * wants a steady trickle; the whole of it is the arithmetic below. It waits through common's {@link
 * Sleeper}, so tests move a clock instead of sleeping.
 */
final class Pacer {
  private final Duration interval;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private Instant next;

  /**
   * @param rate records per second; 0 or less means no limit
   */
  Pacer(double rate) {
    this(rate, InstantSource.system(), Sleeper.REAL);
  }

  Pacer(double rate, InstantSource clock, Sleeper sleeper) {
    this.interval = rate > 0 ? Duration.ofNanos((long) (1_000_000_000L / rate)) : Duration.ZERO;
    this.clock = clock;
    this.sleeper = sleeper;
    this.next = clock.instant();
  }

  /** Blocks until the next send is due. */
  void await() throws InterruptedException {
    if (interval.isZero()) {
      return;
    }
    Instant now = clock.instant();
    sleeper.sleepUntil(next, clock);
    // A slow spell is not made up for with a burst: the schedule restarts from now.
    next = (next.isAfter(now) ? next : now).plus(interval);
  }
}
