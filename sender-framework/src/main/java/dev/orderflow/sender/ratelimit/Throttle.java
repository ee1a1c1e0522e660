package dev.orderflow.sender.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-down after the platform throttles the number or the app (130429, 80007, 4, 613, …): a
 * channel-wide pause that doubles on consecutive throttles up to a cap, and a rate factor that
 * halves on each and recovers once the pause is over and sends succeed again.
 */
public final class Throttle {
  private static final Logger LOGGER = LoggerFactory.getLogger(Throttle.class);
  private static final double MIN_FACTOR = 0.1;

  private final Duration firstPause;
  private final Duration maxPause;
  private final Clock clock;
  private Instant pausedUntil = Instant.MIN;
  private int consecutive;
  private double factor = 1.0;

  public Throttle(Duration firstPause, Duration maxPause, Clock clock) {
    this.firstPause = firstPause;
    this.maxPause = maxPause;
    this.clock = clock;
  }

  /** Notes a throttle; returns the pause the channel now observes. */
  public synchronized Duration throttled() {
    consecutive++;
    factor = Math.max(MIN_FACTOR, factor / 2);
    Duration pause = firstPause.multipliedBy(1L << Math.min(consecutive - 1, 16));
    pause = pause.compareTo(maxPause) > 0 ? maxPause : pause;
    Instant until = clock.instant().plus(pause);
    pausedUntil = until.isAfter(pausedUntil) ? until : pausedUntil;
    LOGGER.warn("channel throttled; pausing for {} at rate factor {}", pause, factor);
    return pause;
  }

  public synchronized void succeeded() {
    if (consecutive > 0 || factor < 1.0) {
      consecutive = 0;
      factor = Math.min(1.0, factor * 1.25);
    }
  }

  public synchronized boolean paused() {
    return clock.instant().isBefore(pausedUntil);
  }

  public synchronized Instant pausedUntil() {
    return pausedUntil;
  }

  /** The share of the rate to use now (1.0 when not recently throttled). */
  public synchronized double rateFactor() {
    return factor;
  }
}
