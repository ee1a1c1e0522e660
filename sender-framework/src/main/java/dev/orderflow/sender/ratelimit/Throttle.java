package dev.orderflow.sender.ratelimit;

import dev.orderflow.common.backoff.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-down after the platform throttles the number or the app (130429, 80007, 4, 613, …).
 *
 * <p>One <em>episode</em> per pause: a throttle answer to a send that started before the current
 * pause began belongs to the burst that caused it and changes nothing (otherwise the concurrent
 * rejections of one burst would count as many consecutive throttles, doubling the pause and
 * dropping the rate to its floor at once). Each episode pauses the channel (doubling on episodes
 * with no success between them, up to a cap) and cuts the rate factor by {@link #DECREASE}
 * (multiplicative decrease); sends that succeed raise it again by {@link #GROWTH_PER_SECOND} of
 * itself per second of sending (a slow increase), so the sender settles just under what the
 * platform allows with an episode every ten seconds or so instead of oscillating between full rate
 * and the floor.
 */
public final class Throttle {
  private static final Logger LOGGER = LoggerFactory.getLogger(Throttle.class);
  static final double MIN_FACTOR = 0.01;
  static final double DECREASE = 0.85;
  static final double GROWTH_PER_SECOND = 0.015;

  /** Longer quiet spells do not count as "sending fine" for the increase. */
  private static final Duration MAX_GROWTH_STEP = Duration.ofSeconds(1);

  /** No jitter: the pause is the channel's, one per episode, and its log reads as a schedule. */
  private final Backoff backoff;

  private final Clock clock;
  private Instant pausedUntil = Instant.MIN;
  private Instant episodeStart = Instant.MIN;
  private Instant lastGrowth = Instant.MIN;
  private int consecutive;
  private boolean succeededSinceEpisode = true;
  private double factor = 1.0;
  private long episodes;

  public Throttle(Duration firstPause, Duration maxPause, Clock clock) {
    this.backoff = Backoff.exponential(firstPause, maxPause);
    this.clock = clock;
  }

  /**
   * Notes a throttle answer to a send started at {@code sentAt}; returns the pause the channel now
   * observes. An answer to a send started before the current episode began adds nothing.
   */
  public synchronized Duration throttled(Instant sentAt) {
    Instant now = clock.instant();
    if (sentAt.isBefore(episodeStart)) {
      Duration left = Duration.between(now, pausedUntil);
      return left.isNegative() ? Duration.ZERO : left;
    }
    consecutive = succeededSinceEpisode ? 1 : consecutive + 1;
    succeededSinceEpisode = false;
    episodes++;
    factor = Math.max(MIN_FACTOR, factor * DECREASE);
    Duration pause = backoff.pauseBefore(consecutive);
    episodeStart = now;
    pausedUntil = now.plus(pause);
    lastGrowth = pausedUntil;
    LOGGER.warn(
        "channel throttled (episode {}); pausing for {} at rate factor {}",
        episodes,
        pause,
        String.format("%.3f", factor));
    return pause;
  }

  /** Notes a send the platform accepted: the rate factor grows with the time sent at it. */
  public synchronized void succeeded() {
    succeededSinceEpisode = true;
    if (factor >= 1.0) {
      return;
    }
    Instant now = clock.instant();
    if (now.isAfter(lastGrowth)) {
      Duration step = Duration.between(lastGrowth, now);
      step = step.compareTo(MAX_GROWTH_STEP) > 0 ? MAX_GROWTH_STEP : step;
      factor = Math.min(1.0, factor * (1 + GROWTH_PER_SECOND * step.toNanos() / 1e9));
      lastGrowth = now;
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

  /** Throttle episodes so far (one per pause). */
  public synchronized long episodes() {
    return episodes;
  }
}
