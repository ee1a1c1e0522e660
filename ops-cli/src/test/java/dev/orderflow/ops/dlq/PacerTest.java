package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PacerTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
  private final InstantSource clock = now::get;
  private final List<Duration> slept = new ArrayList<>();
  private final Sleeper sleeper =
      duration -> {
        slept.add(duration);
        now.updateAndGet(t -> t.plus(duration));
      };

  @Test
  void sendsAreSpacedEvenlyAtTheRate() throws InterruptedException {
    Pacer pacer = new Pacer(10, clock, sleeper);

    for (int i = 0; i < 4; i++) {
      pacer.await();
    }

    // the first at once, then one every 100 ms
    assertThat(slept)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void aSlowSpellIsNotMadeUpForWithABurst() throws InterruptedException {
    Pacer pacer = new Pacer(10, clock, sleeper);
    pacer.await();

    now.updateAndGet(t -> t.plusSeconds(5));
    pacer.await();
    pacer.await();

    assertThat(slept).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void noRateMeansNoWaiting() throws InterruptedException {
    Pacer pacer = new Pacer(0, clock, sleeper);

    for (int i = 0; i < 100; i++) {
      pacer.await();
    }

    assertThat(slept).isEmpty();
  }
}
