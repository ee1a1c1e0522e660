package dev.orderflow.sender.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static final double SHARE = 1_000;
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final Throttle throttle =
      new Throttle(Duration.ofSeconds(1), Duration.ofSeconds(4), clock);

  @Test
  void startsSlowAndDoublesEverySecondOfAcceptedSends() {
    assertThat(throttle.rateFactor()).isEqualTo(Throttle.SLOW_START_FACTOR);
    for (int s = 1; s <= 3; s++) {
      clock.advance(Duration.ofSeconds(1));
      throttle.succeeded(clock.instant());
      assertThat(throttle.rateFactor())
          .isCloseTo(Throttle.SLOW_START_FACTOR * (1 << s), within(1e-9));
    }
    clock.advance(Duration.ofSeconds(1));
    throttle.succeeded(clock.instant());
    assertThat(throttle.rateFactor()).isEqualTo(1.0);
  }

  @Test
  void answersToSendsStartedBeforeThePauseAddNothing() {
    // Given 50 sends of one burst went out together, and the first throttle answer comes back
    Instant burst = clock.instant();
    clock.advance(Duration.ofMillis(100));
    assertThat(throttle.throttled(burst, SHARE)).isEqualTo(Duration.ofSeconds(1));

    // When the other 49 answers of that burst arrive
    for (int i = 0; i < 49; i++) {
      throttle.throttled(burst, SHARE);
    }

    // Then it is one episode: one pause of 1 s, one cut of the rate
    assertThat(throttle.episodes()).isEqualTo(1);
    assertThat(throttle.pausedUntil()).isEqualTo(burst.plusMillis(1_100));
    assertThat(throttle.rateFactor())
        .isCloseTo(Throttle.SLOW_START_FACTOR * Throttle.DECREASE, within(1e-9));
  }

  @Test
  void aSendStartedDuringThePauseByACallerThatHeldAPermitAddsNothing() {
    throttle.throttled(clock.instant(), SHARE);
    clock.advance(Duration.ofMillis(300));
    throttle.throttled(clock.instant(), SHARE);
    assertThat(throttle.episodes()).isEqualTo(1);
  }

  @Test
  void theCutCountsAcceptedSendsByWhenTheyStartedNotWhenTheirAnswersCame() {
    leaveSlowStart();
    // Given 40 sends started in the last second and were accepted, their answers all late
    Instant first = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    Instant refused = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 40; i++) {
      throttle.succeeded(first.plusMillis(25L * (i + 1)));
    }

    // When the refusal of the send started right after them comes back
    throttle.throttled(refused, SHARE);

    // Then the channel goes on at 90 % of those 40/s
    assertThat(throttle.rateFactor() * SHARE).isCloseTo(Throttle.SETTLE * 40, within(1e-6));
  }

  @Test
  void anEpisodeCutsTheRateToJustUnderWhatThePlatformAcceptedInTheLastSecond() {
    leaveSlowStart();
    // Given the platform accepted 40 sends in the last second (and more before it)
    for (int i = 0; i < 80; i++) {
      clock.advance(Duration.ofMillis(25));
      throttle.succeeded(clock.instant());
    }

    // When it throttles
    throttle.throttled(clock.instant(), SHARE);

    // Then the channel goes on at 90 % of the 40/s it was accepting, not 85 % of 1,000/s
    assertThat(throttle.rateFactor() * SHARE).isCloseTo(Throttle.SETTLE * 40, within(1e-6));
  }

  @Test
  void episodesWithoutASuccessBetweenThemDoubleThePauseUpToTheCap() {
    assertThat(throttle.throttled(clock.instant(), SHARE)).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.throttled(clock.instant(), SHARE)).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.throttled(clock.instant(), SHARE)).isEqualTo(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(4));
    assertThat(throttle.throttled(clock.instant(), SHARE)).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.paused()).isTrue();

    // A success between episodes starts the pause over
    clock.advance(Duration.ofSeconds(4));
    throttle.succeeded(clock.instant());
    assertThat(throttle.throttled(clock.instant(), SHARE)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void afterAnEpisodeSuccessesRaiseTheRateOnePercentPerSecondOfSending() {
    throttle.throttled(clock.instant(), SHARE);
    double cut = throttle.rateFactor();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.paused()).isFalse();

    // Many successes in one instant do not jump the rate back
    for (int i = 0; i < 100; i++) {
      throttle.succeeded(clock.instant());
    }
    assertThat(throttle.rateFactor()).isEqualTo(cut);

    // Ten seconds of sending raise it by about 10 %; a long quiet spell counts as one second
    for (int s = 0; s < 10; s++) {
      clock.advance(Duration.ofSeconds(1));
      throttle.succeeded(clock.instant());
    }
    assertThat(throttle.rateFactor()).isCloseTo(cut * Math.pow(1.01, 10), within(1e-9));
    clock.advance(Duration.ofMinutes(5));
    throttle.succeeded(clock.instant());
    assertThat(throttle.rateFactor()).isCloseTo(cut * Math.pow(1.01, 11), within(1e-9));
  }

  /**
   * The issue-12 case on a fake clock: the sender is configured for 1,000 msg/s while Meta allows 5
   * msg/s (a strict one-second window, as the simulator counts) and answers after 20 ms. Counting
   * every answer from the first send on, the sender settles at 80 % or more of what Meta allows
   * with fewer than 50 throttle answers per 1,000 sends.
   */
  @Test
  void aSenderConfiguredFarAboveTheTierSettlesAtWhatThePlatformAllows() {
    Settled run = simulate(1_000, 5, Duration.ofMillis(20), Duration.ofMinutes(3));
    assertThat(run.achieved()).as("achieved msg/s of 5 allowed").isGreaterThan(0.8 * 5);
    assertThat(run.throttlesPerThousand()).as("throttle answers per 1000 sends").isLessThan(50);
  }

  /** Slow answers: many sends are in flight when the first throttle answer comes back. */
  @Test
  void aSenderWithSlowAnswersSettlesToo() {
    Settled run = simulate(80, 5, Duration.ofMillis(200), Duration.ofMinutes(5));
    assertThat(run.achieved()).isGreaterThan(0.8 * 5);
    assertThat(run.throttlesPerThousand()).isLessThan(50);

    Settled fast = simulate(1_000, 100, Duration.ofMillis(100), Duration.ofMinutes(2));
    assertThat(fast.achieved()).isGreaterThan(0.8 * 100);
    assertThat(fast.throttlesPerThousand()).isLessThan(50);
  }

  @Test
  void aSenderBelowTheTierReachesItsFullShareAfterTheSlowStart() {
    Settled run = simulate(80, 1_000, Duration.ofMillis(100), Duration.ofMinutes(1));
    assertThat(run.achieved()).isCloseTo(80, within(1.0));
    assertThat(run.throttles()).isZero();
  }

  /**
   * @param achieved accepted msg/s from 10 s on
   * @param throttles every throttle answer, from the first send on
   */
  record Settled(double achieved, long sends, long throttles) {
    double throttlesPerThousand() {
      return 1000.0 * throttles / sends;
    }
  }

  /** Sends paced at the throttle's rate against a platform accepting {@code allowed} per second. */
  private Settled simulate(double share, int allowed, Duration latency, Duration length) {
    Instant start = clock.instant();
    Instant measureFrom = start.plusSeconds(10);
    Instant end = start.plus(length);
    ArrayDeque<Instant> window = new ArrayDeque<>();
    Instant nextSend = start;
    record Answer(Instant at, Instant sentAt, boolean accepted) {}
    PriorityQueue<Answer> answers = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    long sends = 0;
    long throttles = 0;
    long acceptedInWindow = 0;

    while (clock.instant().isBefore(end)) {
      Answer due = answers.peek();
      if (due != null && !due.at().isAfter(nextSend)) {
        answers.poll();
        advanceTo(due.at());
        if (due.accepted()) {
          throttle.succeeded(due.sentAt());
        } else {
          throttle.throttled(due.sentAt(), share);
        }
        continue;
      }
      advanceTo(nextSend);
      if (throttle.paused()) {
        nextSend = throttle.pausedUntil();
        continue;
      }
      Instant now = clock.instant();
      Instant arrives = now.plus(latency.dividedBy(2));
      while (!window.isEmpty() && !window.peekFirst().isAfter(arrives.minusSeconds(1))) {
        window.pollFirst();
      }
      boolean accepted = window.size() < allowed;
      sends++;
      if (accepted) {
        window.addLast(arrives);
        if (!now.isBefore(measureFrom)) {
          acceptedInWindow++;
        }
      } else {
        throttles++;
      }
      answers.add(new Answer(now.plus(latency), now, accepted));
      double rate = Math.max(RateShare.FLOOR_PER_SECOND, share * throttle.rateFactor());
      nextSend = now.plusNanos((long) (1e9 / rate));
    }
    double seconds = Duration.between(measureFrom, end).toNanos() / 1e9;
    return new Settled(acceptedInWindow / seconds, sends, throttles);
  }

  private void leaveSlowStart() {
    for (int s = 0; s < 5; s++) {
      clock.advance(Duration.ofSeconds(1));
      throttle.succeeded(clock.instant());
    }
    assertThat(throttle.rateFactor()).isEqualTo(1.0);
    clock.advance(Duration.ofSeconds(2));
  }

  private void advanceTo(Instant at) {
    Duration by = Duration.between(clock.instant(), at);
    if (by.isPositive()) {
      clock.advance(by);
    }
  }
}
