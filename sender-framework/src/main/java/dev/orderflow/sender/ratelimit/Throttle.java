package dev.orderflow.sender.ratelimit;

import dev.orderflow.common.backoff.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much of its rate share the channel uses, learnt from the platform's throttle answers (130429,
 * 80007, 4, 613, …): the share is what the operator configured, the platform's tier may be lower,
 * and only its answers tell.
 *
 * <ul>
 *   <li><b>Slow start.</b> The channel starts at {@link #SLOW_START_FACTOR} of its share and
 *       doubles every second of accepted sends until the share or a first throttle, so a number
 *       whose tier is below the configured rate costs a handful of throttle answers at start, not a
 *       burst of every send in flight.
 *   <li><b>One episode per pause.</b> A throttle answer to a send that started before the current
 *       pause began belongs to the burst that caused it and changes nothing; otherwise the
 *       concurrent rejections of one burst would count as many throttles and drop the rate to its
 *       floor at once. Each episode pauses the channel (doubling on episodes with no success
 *       between them, up to a cap).
 *   <li><b>Cut to what was accepted.</b> An episode sets the rate to {@link #SETTLE} of what the
 *       platform accepted in the last {@link #ACCEPTED_WINDOW} (Meta counts per second), and at
 *       least by {@link #DECREASE}: one episode lands just under the platform's limit, however far
 *       above it the configured rate was.
 *   <li><b>Probe slowly.</b> Accepted sends raise the rate by {@link #GROWTH_PER_SECOND} of itself
 *       per second of sending, so the channel probes the limit again about every fifteen seconds,
 *       costing one or two throttle answers each time.
 * </ul>
 */
public final class Throttle {
  private static final Logger LOGGER = LoggerFactory.getLogger(Throttle.class);
  static final double SLOW_START_FACTOR = 1.0 / 16;
  static final double SETTLE = 0.9;
  static final double DECREASE = 0.85;
  static final double GROWTH_PER_SECOND = 0.01;
  static final Duration ACCEPTED_WINDOW = Duration.ofSeconds(1);

  /** Longer quiet spells do not count as "sending fine" for the increase. */
  private static final Duration MAX_GROWTH_STEP = Duration.ofSeconds(1);

  /** No jitter: the pause is the channel's, one per episode, and its log reads as a schedule. */
  private final Backoff backoff;

  private final Clock clock;

  /** When the platform accepted each send of the last {@link #ACCEPTED_WINDOW}. */
  private final ArrayDeque<Instant> accepted = new ArrayDeque<>();

  private Instant pausedUntil = Instant.MIN;
  private Instant episodeStart = Instant.MIN;
  private Instant lastGrowth;
  private int consecutive;
  private boolean succeededSinceEpisode = true;
  private boolean slowStart = true;
  private double factor = SLOW_START_FACTOR;
  private long episodes;

  public Throttle(Duration firstPause, Duration maxPause, Clock clock) {
    this.backoff = Backoff.exponential(firstPause, maxPause);
    this.clock = clock;
    this.lastGrowth = clock.instant();
  }

  /**
   * Notes a throttle answer to a send started at {@code sentAt} while the channel's share was
   * {@code share} messages/s; returns the pause the channel now observes. An answer to a send
   * started before the current episode began adds nothing.
   */
  public synchronized Duration throttled(Instant sentAt, double share) {
    Instant now = clock.instant();
    if (sentAt.isBefore(episodeStart)) {
      Duration left = Duration.between(now, pausedUntil);
      return left.isNegative() ? Duration.ZERO : left;
    }
    consecutive = succeededSinceEpisode ? 1 : consecutive + 1;
    succeededSinceEpisode = false;
    slowStart = false;
    episodes++;
    double acceptedPerSecond = acceptedPerSecond(now);
    double cut = factor * DECREASE;
    double settled = acceptedPerSecond > 0 ? SETTLE * acceptedPerSecond / share : cut;
    // never below the rate floor the channel keeps anyway, so probing starts from 1 msg/s at worst
    factor = Math.max(RateShare.FLOOR_PER_SECOND / share, Math.min(cut, settled));
    Duration pause = backoff.pauseBefore(consecutive);
    episodeStart = now;
    pausedUntil = now.plus(pause);
    lastGrowth = pausedUntil;
    LOGGER.warn(
        "channel throttled (episode {}) after {} accepted/s; pausing for {}, then {} msg/s",
        episodes,
        String.format("%.1f", acceptedPerSecond),
        pause,
        String.format("%.2f", factor * share));
    return pause;
  }

  /** Notes a send the platform accepted: the rate factor grows with the time sent at it. */
  public synchronized void succeeded() {
    succeededSinceEpisode = true;
    Instant now = clock.instant();
    accepted.addLast(now);
    acceptedPerSecond(now); // drops what left the window
    if (factor >= 1.0 || !now.isAfter(lastGrowth)) {
      return;
    }
    Duration step = Duration.between(lastGrowth, now);
    double seconds = Math.min(step.toNanos(), MAX_GROWTH_STEP.toNanos()) / 1e9;
    double growth = slowStart ? Math.pow(2, seconds) : 1 + GROWTH_PER_SECOND * seconds;
    factor = Math.min(1.0, factor * growth);
    lastGrowth = now;
  }

  private double acceptedPerSecond(Instant now) {
    Instant from = now.minus(ACCEPTED_WINDOW);
    while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(from)) {
      accepted.pollFirst();
    }
    return accepted.size() * 1e9 / ACCEPTED_WINDOW.toNanos();
  }

  public synchronized boolean paused() {
    return clock.instant().isBefore(pausedUntil);
  }

  public synchronized Instant pausedUntil() {
    return pausedUntil;
  }

  /** The share of the rate to use now. */
  public synchronized double rateFactor() {
    return factor;
  }

  /** Throttle episodes so far (one per pause). */
  public synchronized long episodes() {
    return episodes;
  }
}
