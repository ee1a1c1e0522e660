package dev.orderflow.common.backoff;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the one way the pipeline spaces out attempts at something that
 * failed (a delivery, a ledger or registry call, a failed handler, a throttled channel, a directory
 * look-up, the start-up contract check). It only computes pauses; waiting is a {@link Sleeper}'s.
 *
 * <p>The pause before retry {@code n} (1 for the first) has the bound {@code min(max, initial ×
 * multiplier^(n-1))}, and is drawn uniformly from {@code [bound × (1 - jitter), bound)}: jitter 0
 * is the plain capped exponential (every caller waits the same), 1 is "full jitter" (anywhere from
 * zero to the bound), which spreads the retries of many workers hit by the same failure best. No
 * pause is ever longer than {@code max}.
 *
 * @param initial the bound of the first pause
 * @param multiplier growth of the bound per retry, at least 1
 * @param max the cap on any one pause
 * @param jitter the share of the bound that is random, from 0 to 1
 * @param random a value in {@code [0, 1)} per pause; tests pass a fixed or seeded one
 */
public record Backoff(
    Duration initial, double multiplier, Duration max, double jitter, DoubleSupplier random) {

  /** The default source of jitter: uniform, and safe on any thread without contention. */
  public static final DoubleSupplier THREAD_LOCAL_RANDOM =
      () -> ThreadLocalRandom.current().nextDouble();

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(random, "random");
    if (!initial.isPositive() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff: expected 0 < initial <= max, got initial=" + initial + " max=" + max);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          "backoff: expected a finite multiplier >= 1, got " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("backoff: expected 0 <= jitter <= 1, got " + jitter);
    }
  }

  /** Doubling from {@code initial} up to {@code max}, without jitter until {@link #withJitter}. */
  public static Backoff exponential(Duration initial, Duration max) {
    return new Backoff(initial, 2.0, max, 0.0, THREAD_LOCAL_RANDOM);
  }

  public Backoff withMultiplier(double multiplier) {
    return new Backoff(initial, multiplier, max, jitter, random);
  }

  public Backoff withJitter(double jitter) {
    return new Backoff(initial, multiplier, max, jitter, random);
  }

  public Backoff withRandom(DoubleSupplier random) {
    return new Backoff(initial, multiplier, max, jitter, random);
  }

  /** The longest pause before retry {@code retry} (1 for the first): the capped exponential. */
  public Duration bound(int retry) {
    int steps = Math.max(retry - 1, 0);
    // In double nanoseconds: exact for any pause shorter than a century, and it cannot overflow.
    double nanos = initial.toNanos() * Math.pow(multiplier, steps);
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  /** The pause before retry {@code retry} (1 for the first), jittered below its {@link #bound}. */
  public Duration pauseBefore(int retry) {
    Duration bound = bound(retry);
    if (jitter == 0.0) {
      return bound;
    }
    double r = random.getAsDouble();
    if (!(r >= 0.0 && r < 1.0)) {
      throw new IllegalStateException("backoff: random gave " + r + ", expected [0, 1)");
    }
    return Duration.ofNanos((long) (bound.toNanos() * (1.0 - jitter + jitter * r)));
  }

  /** The most {@code retries} retries can wait in all: the sum of their bounds. */
  public Duration worstCase(int retries) {
    Duration total = Duration.ZERO;
    for (int retry = 1; retry <= retries; retry++) {
      total = total.plus(bound(retry));
    }
    return total;
  }
}
