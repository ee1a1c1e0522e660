package dev.orderflow.common.backoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SleeperTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
  private final InstantSource clock = now::get;
  private final List<Duration> slept = new ArrayList<>();

  /** Sleeps by moving the clock, as the services' tests do. */
  private final Sleeper fake =
      duration -> {
        slept.add(duration);
        now.updateAndGet(t -> t.plus(duration));
      };

  @Test
  void sleepUntilWaitsTheTimeLeftByTheClock() throws InterruptedException {
    fake.sleepUntil(now.get().plusMillis(750), clock);

    assertThat(slept).containsExactly(Duration.ofMillis(750));
    assertThat(now.get()).isEqualTo(Instant.parse("2026-03-01T10:00:00.750Z"));
  }

  @Test
  void sleepUntilAPassedDeadlineDoesNotWait() throws InterruptedException {
    fake.sleepUntil(now.get(), clock);
    fake.sleepUntil(now.get().minusSeconds(1), clock);

    assertThat(slept).isEmpty();
  }

  @Test
  void theRealSleeperBlocksForAboutThePause() throws InterruptedException {
    long start = System.nanoTime();

    Sleeper.REAL.sleep(Duration.ofMillis(20));

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(20));
  }

  @Test
  void aBackoffLoopWithAFakeSleeperIsDeterministic() throws InterruptedException {
    Backoff backoff =
        Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(400))
            .withJitter(1.0)
            .withRandom(() -> 0.5);

    for (int retry = 1; retry <= 4; retry++) {
      fake.sleep(backoff.pauseBefore(retry));
    }

    assertThat(slept)
        .containsExactly(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(200));
    assertThat(now.get()).isEqualTo(Instant.parse("2026-03-01T10:00:00.550Z"));
  }
}
