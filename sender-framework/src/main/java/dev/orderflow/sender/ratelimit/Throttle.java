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
 *       pause ended belongs to the burst that caused it and changes nothing; otherwise the
 *       concurrent rejections of one burst would count as many throttles and drop the rate to its
 *       floor at once. Each episode pauses the channel (doubling on episodes with no success
 *       between them, up to a cap).
 *   <li><b>Cut to what was accepted.</b> An episode sets the rate to {@link #SETTLE} of the
 *       accepted sends that started in the {@link #ACCEPTED_WINDOW} before the refused one (Meta
 *       counts per second), and at least by {@link #DECREASE}: one episode lands just under the
 *       platform's limit, however far above it the configured rate was.
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

  /**
   * When each recently accepted send started, roughly in order (answers may overtake each other);
   * kept for twice the window so that a late answer still counts.
   */
  private final ArrayDeque<Instant> accepted = new ArrayDeque<>();

  private Instant pausedUntil = Instant.MIN;
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
   * started before the current pause ended adds nothing.
   */
  public synchronized Duration throttled(Instant sentAt, double share) {
    Instant now = clock.instant();
    // Started before the pause ended: part of the burst that caused it, or sent by a caller that
    // already held a permit when the pause began.
    if (sentAt.isBefore(pausedUntil)) {
      Duration left = Duration.between(now, pausedUntil);
      return left.isNegative() ? Duration.ZERO : left;
    }
    consecutive = succeededSinceEpisode ? 1 : consecutive + 1;
    succeededSinceEpisode = false;
    slowStart = false;
    episodes++;
    double acceptedPerSecond = acceptedPerSecondBefore(sentAt);
    double cut = factor * DECREASE;
    double settled = acceptedPerSecond > 0 ? SETTLE * acceptedPerSecond / share : cut;
    // never below the rate floor the channel keeps anyway, so probing starts from 1 msg/s at worst
    factor = Math.max(RateShare.FLOOR_PER_SECOND / share, Math.min(cut, settled));
    Duration pause = backoff.pauseBefore(consecutive);
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

  /**
   * Notes that the platform accepted a send started at {@code sentAt}: the rate factor grows with
   * the time sent at it.
   */
  public synchronized void succeeded(Instant sentAt) {
    succeededSinceEpisode = true;
    Instant now = clock.instant();
    accepted.addLast(sentAt);
    Instant keepFrom = now.minus(ACCEPTED_WINDOW.multipliedBy(2));
    while (!accepted.isEmpty() && accepted.peekFirst().isBefore(keepFrom)) {
      accepted.pollFirst();
    }
    if (factor >= 1.0 || !now.isAfter(lastGrowth)) {
      return;
    }
    Duration step = Duration.between(lastGrowth, now);
    double seconds = Math.min(step.toNanos(), MAX_GROWTH_STEP.toNanos()) / 1e9;
    double growth = slowStart ? Math.pow(2, seconds) : 1 + GROWTH_PER_SECOND * seconds;
    factor = Math.min(1.0, factor * growth);
    lastGrowth = now;
  }

  /**
   * Accepted sends per second that started in the window before the refused one: what the platform
   * let through just before it refused. Counted by start time rather than answer time: at the start
   * of sending, or with many sends in flight, the answers that arrived in the last second
   * undercount what the platform accepted, and the rate would settle far below its limit.
   */
  private double acceptedPerSecondBefore(Instant refusedSentAt) {
    Instant from = refusedSentAt.minus(ACCEPTED_WINDOW);
    long count =
        accepted.stream().filter(t -> t.isAfter(from) && !t.isAfter(refusedSentAt)).count();
    return count * 1e9 / ACCEPTED_WINDOW.toNanos();
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
