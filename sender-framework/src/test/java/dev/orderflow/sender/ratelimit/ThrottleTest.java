package dev.orderflow.sender.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sender.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final Throttle throttle =
      new Throttle(Duration.ofSeconds(1), Duration.ofSeconds(4), clock);

  @Test
  void consecutiveThrottlesDoubleThePauseUpToTheCapAndHalveTheRate() {
    assertThat(throttle.throttled()).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.throttled()).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.throttled()).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.throttled()).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.rateFactor()).isEqualTo(0.1);
    assertThat(throttle.paused()).isTrue();
  }

  @Test
  void thePauseEndsAndSuccessesRestoreTheRate() {
    throttle.throttled();
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.paused()).isFalse();
    for (int i = 0; i < 5; i++) {
      throttle.succeeded();
    }
    assertThat(throttle.rateFactor()).isEqualTo(1.0);
  }
}
