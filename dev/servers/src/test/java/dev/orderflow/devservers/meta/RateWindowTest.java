package dev.orderflow.devservers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final RateWindow window = new RateWindow();

  @Test
  void callsUpToTheLimitWithinOneSecondAreAllowedAndTheNextIsRefused() {
    assertThat(window.tryAcquire("a", 2, T0)).isTrue();
    assertThat(window.tryAcquire("a", 2, T0.plusMillis(500))).isTrue();
    assertThat(window.tryAcquire("a", 2, T0.plusMillis(999))).isFalse();
  }

  @Test
  void aCallLeavesTheWindowExactlyOneSecondLater() {
    window.tryAcquire("a", 2, T0);
    window.tryAcquire("a", 2, T0.plusMillis(500));

    assertThat(window.tryAcquire("a", 2, T0.plusMillis(1000))).isTrue();
    assertThat(window.tryAcquire("a", 2, T0.plusMillis(1001))).isFalse();
  }

  @Test
  void refusedCallsDoNotUseUpTheWindow() {
    window.tryAcquire("a", 1, T0);
    window.tryAcquire("a", 1, T0.plusMillis(900));

    assertThat(window.tryAcquire("a", 1, T0.plusMillis(1000))).isTrue();
  }

  @Test
  void eachKeyHasItsOwnWindow() {
    window.tryAcquire("a", 1, T0);

    assertThat(window.tryAcquire("b", 1, T0)).isTrue();
  }
}
