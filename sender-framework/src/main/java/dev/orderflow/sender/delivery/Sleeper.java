package dev.orderflow.sender.delivery;

import java.time.Duration;

/** Waiting, behind a port so tests move a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
