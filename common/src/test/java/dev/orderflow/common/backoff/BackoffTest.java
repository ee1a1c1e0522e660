package dev.orderflow.common.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration INITIAL = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(5);

  @Test
  void withoutJitterThePausesDoubleFromTheInitialUpToTheCap() {
    Backoff backoff = Backoff.exponential(INITIAL, MAX);

    List<Duration> pauses = IntStream.rangeClosed(1, 8).mapToObj(backoff::pauseBefore).toList();

    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(1_600),
            Duration.ofMillis(3_200),
            MAX,
            MAX,
            MAX);
  }

  @Test
  void theMultiplierSetsTheGrowth() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(100), MAX).withMultiplier(1.5);

    assertThat(backoff.pauseBefore(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.pauseBefore(2)).isEqualTo(Duration.ofMillis(150));
    assertThat(backoff.pauseBefore(3)).isEqualTo(Duration.ofMillis(225));
  }

  @Test
  void aRetryNumberFarBeyondTheCapStaysAtTheCapWithoutOverflowing() {
    Backoff backoff = Backoff.exponential(INITIAL, MAX);

    assertThat(backoff.pauseBefore(64)).isEqualTo(MAX);
    assertThat(backoff.pauseBefore(Integer.MAX_VALUE)).isEqualTo(MAX);
    assertThat(backoff.pauseBefore(0)).as("before any retry: the initial").isEqualTo(INITIAL);
  }

  @Test
  void fullJitterTakesTheRandomShareOfTheBound() {
    Backoff half = Backoff.exponential(INITIAL, MAX).withJitter(1.0).withRandom(() -> 0.5);
    Backoff bottom = half.withRandom(() -> 0.0);
    Backoff top = half.withRandom(() -> Math.nextDown(1.0));

    assertThat(half.pauseBefore(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(half.pauseBefore(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(bottom.pauseBefore(3)).isZero();
    assertThat(top.pauseBefore(3)).isLessThan(Duration.ofMillis(800)).isPositive();
    assertThat(top.pauseBefore(30)).isLessThan(MAX);
  }

  @Test
  void partialJitterKeepsEveryPauseWithinItsShareBelowTheBound() {
    Backoff backoff =
        Backoff.exponential(INITIAL, MAX).withJitter(0.5).withRandom(new Random(42)::nextDouble);

    for (int retry = 1; retry <= 12; retry++) {
      Duration bound = backoff.bound(retry);
      for (int i = 0; i < 200; i++) {
        assertThat(backoff.pauseBefore(retry))
            .isGreaterThanOrEqualTo(bound.dividedBy(2))
            .isLessThanOrEqualTo(bound)
            .isLessThanOrEqualTo(MAX);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePauses() {
    Backoff base = Backoff.exponential(INITIAL, MAX).withJitter(1.0);

    assertThat(pauses(base.withRandom(new Random(7)::nextDouble)))
        .isEqualTo(pauses(base.withRandom(new Random(7)::nextDouble)))
        .isNotEqualTo(pauses(base.withRandom(new Random(8)::nextDouble)));
  }

  @Test
  void jitterSpreadsPausesAcrossItsRange() {
    Backoff backoff =
        Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .withJitter(1.0)
            .withRandom(new Random(1)::nextDouble);

    List<Duration> pauses = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      pauses.add(backoff.pauseBefore(1));
    }

    // Uniform over [0, 1 s): both ends of the range are reached, not one value repeated.
    assertThat(pauses).anyMatch(p -> p.compareTo(Duration.ofMillis(100)) < 0);
    assertThat(pauses).anyMatch(p -> p.compareTo(Duration.ofMillis(900)) > 0);
    assertThat(pauses).allMatch(p -> !p.isNegative() && p.compareTo(Duration.ofSeconds(1)) < 0);
  }

  @Test
  void theWorstCaseIsTheSumOfTheBounds() {
    Backoff backoff = Backoff.exponential(INITIAL, MAX).withJitter(1.0);

    // 200 + 400 + 800 + 1600 + 3200 ms, then the 5 s cap
    assertThat(backoff.worstCase(5)).isEqualTo(Duration.ofMillis(6_200));
    assertThat(backoff.worstCase(6)).isEqualTo(Duration.ofMillis(11_200));
    assertThat(backoff.worstCase(0)).isZero();
  }

  @Test
  void invalidSettingsAreRefusedWithTheValue() {
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial=PT0S");
    assertThatThrownBy(() -> Backoff.exponential(MAX, INITIAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max=PT0.2S");
    assertThatThrownBy(() -> Backoff.exponential(INITIAL, MAX).withMultiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> Backoff.exponential(INITIAL, MAX).withJitter(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }

  @Test
  void aRandomOutsideTheUnitRangeIsABugNotAPause() {
    Backoff backoff = Backoff.exponential(INITIAL, MAX).withJitter(1.0).withRandom(() -> 1.0);

    assertThatThrownBy(() -> backoff.pauseBefore(1)).isInstanceOf(IllegalStateException.class);
  }

  private static List<Duration> pauses(Backoff backoff) {
    return IntStream.rangeClosed(1, 10).mapToObj(backoff::pauseBefore).toList();
  }
}
