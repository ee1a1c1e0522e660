package dev.orderflow.sender.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NumberRateLimiterTest {

  @Test
  void aNewRateAppliesToTheCallerAlreadyWaiting() throws Exception {
    // Given one permit per 10 s, taken
    NumberRateLimiter limiter = new NumberRateLimiter(0.1);
    limiter.acquire();

    // When a caller waits for the next one and the rate then rises
    CompletableFuture<Duration> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return limiter.acquire();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    limiter.setRate(1_000);

    // Then it gets its permit at the new pace, not 10 s after the last one
    assertThat(waiting.get(2, TimeUnit.SECONDS)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aQuietSpellIsNotBankedAsABurst() throws Exception {
    NumberRateLimiter limiter = new NumberRateLimiter(5);
    limiter.acquire();
    Thread.sleep(1_000);

    // After a second of quiet, the first permit is free and the second waits a full interval
    assertThat(limiter.acquire()).isLessThan(Duration.ofMillis(50));
    assertThat(limiter.acquire()).isGreaterThan(Duration.ofMillis(150));
  }

  @Test
  void refusesARateThatIsNotPositive() {
    assertThatThrownBy(() -> new NumberRateLimiter(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rate: expected > 0");
  }

  @Test
  void theLimiterPacesCallsAtItsRate() throws Exception {
    NumberRateLimiter limiter = new NumberRateLimiter(100);
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      limiter.acquire();
    }
    // 30 permits at 100/s take at least ~290 ms (the first is free)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
  }
}
