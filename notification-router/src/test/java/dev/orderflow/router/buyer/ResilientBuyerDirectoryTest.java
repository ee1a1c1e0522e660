package dev.orderflow.router.buyer;

import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.router.FakeBuyerDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilientBuyerDirectoryTest {
  private final FakeBuyerDirectory source = new FakeBuyerDirectory();

  private ResilientBuyerDirectory directory(Duration openStateWait) {
    return new ResilientBuyerDirectory(
        source,
        new DirectoryResilience(4, Duration.ofMillis(10), Duration.ofMillis(40), openStateWait));
  }

  @Test
  void aLookupIsRetriedUntilTheAttemptsAreSpentThenReportedUnavailable() {
    ResilientBuyerDirectory directory = directory(Duration.ofSeconds(5));
    source.failing = true;

    assertThatThrownBy(() -> directory.find("b-1"))
        .isInstanceOf(BuyerDirectoryUnavailableException.class);
    // Three failures open the circuit, so the fourth attempt is refused without a call.
    assertThat(source.calls.get()).isEqualTo(3);
    assertThat(directory.available()).isFalse();
  }

  @Test
  void repeatedFailuresOpenTheCircuitAndASuccessfulProbeClosesIt() {
    ResilientBuyerDirectory directory = directory(Duration.ofMillis(20));
    // Given a directory that keeps failing
    source.failing = true;
    assertThatThrownBy(() -> directory.find("b-2"))
        .isInstanceOf(BuyerDirectoryUnavailableException.class);
    assertThat(directory.available()).isFalse();

    // When it comes back, the next call after the open-state wait is let through as a probe
    source.failing = false;
    source.buyers.put("b-2", whatsappBuyer("b-2", "en"));

    // Then the lookup succeeds (retrying while the circuit is still open) and the circuit closes
    assertThat(directory.find("b-2")).isInstanceOf(BuyerLookup.Found.class);
    assertThat(directory.available()).isTrue();
  }

  @Test
  void theWaitsDoubleHalfJitteredUpToTheCapAndTheWorstCaseIsTheirSum() {
    DirectoryResilience settings = DirectoryResilience.defaults();

    for (int retry = 1; retry < settings.maxAttempts(); retry++) {
      Duration bound = settings.backoff().bound(retry);
      assertThat(settings.backoff().pauseBefore(retry))
          .isGreaterThanOrEqualTo(bound.dividedBy(2))
          .isLessThanOrEqualTo(bound)
          .isLessThanOrEqualTo(settings.maxBackoff());
    }
    // 200 + 400 + 800 + 1600 + 3200 ms for the five waits between six attempts
    assertThat(settings.worstCaseBackoff()).isEqualTo(Duration.ofMillis(6_200));
  }

  @Test
  void aCapBelowTheFirstWaitIsRefused() {
    assertThatThrownBy(
            () ->
                new DirectoryResilience(
                    3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "buyers.retry.max-backoff: expected >= buyers.retry.initial-backoff");
  }

  @Test
  void retriesCannotBlockAStreamThreadForMinutes() {
    assertThatThrownBy(
            () ->
                new DirectoryResilience(
                    20, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block a stream thread");
  }
}
