package dev.orderflow.sender.fakes;

import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sleeps by moving the test clock (and yielding briefly), recording each pause. */
public final class FakeSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

  public FakeSleeper(MutableClock clock) {
    this.clock = clock;
  }

  private volatile Runnable onSleep = () -> {};

  /** Runs {@code hook} after each sleep has moved the clock: what happened meanwhile. */
  public void onSleep(Runnable hook) {
    onSleep = hook;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    pauses.add(duration);
    clock.advance(duration);
    onSleep.run();
    Thread.sleep(1);
  }

  public List<Duration> pauses() {
    return List.copyOf(pauses);
  }
}
