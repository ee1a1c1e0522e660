package dev.orderflow.common.backoff;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Waiting, behind a port so tests move a fake clock instead of sleeping. {@link #REAL} is the one
 * place main code blocks a thread for a while; everything else waits through a Sleeper.
 */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;

  /** Waits until {@code deadline} by {@code clock}; returns at once if it has passed. */
  default void sleepUntil(Instant deadline, InstantSource clock) throws InterruptedException {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isPositive()) {
      sleep(left);
    }
  }
}
