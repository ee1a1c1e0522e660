package dev.orderflow.sender.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.sender.fakes.FakeSleeper;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedSecretTest {
  // Generous for a loaded machine, and far below the 30 s a hanging read would take.
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final FakeSleeper sleeper = new FakeSleeper(clock);
  private final AtomicInteger failures = new AtomicInteger();
  private final ScriptedSecret store = new ScriptedSecret("token-1");
  private final CachedSecret<String> secret =
      new CachedSecret<>(
          "it/secret",
          store,
          Duration.ofMinutes(5),
          clock,
          new CachedSecret.Retries(
              Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)),
              sleeper,
              failures::incrementAndGet));

  @AfterEach
  void close() {
    store.release();
    secret.close();
  }

  @Test
  void aStaleValueIsAnsweredAtOnceWhileItsReReadHangs() {
    // Given a value read, gone stale, and a store that hangs
    assertThat(secret.current()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(6));
    store.thenAnswer("token-2").hang();

    // When senders read it, from other threads, while the re-read hangs
    CompletableFuture<String> first = CompletableFuture.supplyAsync(secret::current);
    CompletableFuture<String> second = CompletableFuture.supplyAsync(secret::current);

    // Then each is answered the old value at once, and only one re-read runs
    assertThat(first).succeedsWithin(AT_ONCE).isEqualTo("token-1");
    assertThat(second).succeedsWithin(AT_ONCE).isEqualTo("token-1");
    await().until(() -> store.reads() == 2);

    // And once the store answers, reads get the new value
    store.release();
    await().until(() -> secret.current().equals("token-2"));
    assertThat(store.reads()).isEqualTo(2);
  }

  @Test
  void twoRefreshesOfTheSameRefusedValueShareOneRead() {
    // Given a value read and a store that hangs on the next read
    secret.current();
    store.thenAnswer("token-2").hang();

    // When two senders ask for a refresh of the refused value
    CompletableFuture<String> one = secret.refresh("token-1");
    CompletableFuture<String> two = secret.refresh("token-1");

    // Then neither waits, the old value stays in use, and one read runs for both
    assertThat(one).isSameAs(two).isNotDone();
    assertThat(secret.current()).isEqualTo("token-1");
    store.release();
    assertThat(one).succeedsWithin(AT_ONCE).isEqualTo("token-2");
    assertThat(store.reads()).isEqualTo(2);
    assertThat(secret.current()).isEqualTo("token-2");
  }

  @Test
  void aRefreshOfAValueAlreadyReplacedAnswersTheNewOneWithoutARead() {
    // Given the refused value was replaced by an earlier refresh
    secret.current();
    store.thenAnswer("token-2");
    assertThat(secret.refresh("token-1")).succeedsWithin(AT_ONCE).isEqualTo("token-2");

    // When a late holder of the refused value asks again
    CompletableFuture<String> late = secret.refresh("token-1");

    // Then it gets the new value and the store is not read again
    assertThat(late).isCompletedWithValue("token-2");
    assertThat(store.reads()).isEqualTo(2);
  }

  @Test
  void aFailedReReadKeepsTheOldValueIsCountedAndRetriedWithBackoff() {
    // Given a value read and a store failing twice before it answers
    secret.current();
    store.thenFail("throttled").thenFail("throttled").thenAnswer("token-2");

    // When a refresh is asked for
    CompletableFuture<String> refreshed = secret.refresh("token-1");

    // Then it succeeds on the third read, after the backoff's pauses, having kept the old value
    assertThat(refreshed).succeedsWithin(AT_ONCE).isEqualTo("token-2");
    assertThat(store.reads()).isEqualTo(4);
    assertThat(failures).hasValue(2);
    assertThat(sleeper.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(secret.current()).isEqualTo("token-2");
  }

  @Test
  void theOldValueIsInUseWhileReReadsFail() {
    // Given a value read and a store that fails, then hangs before its next answer
    secret.current();
    store.thenFail("unreachable");
    sleeper.onSleep(store::hang);

    // When a refresh is asked for and its first read fails
    CompletableFuture<String> refreshed = secret.refresh("token-1");
    await().until(() -> failures.get() == 1);

    // Then readers still get the old value while the retry runs
    assertThat(CompletableFuture.supplyAsync(secret::current))
        .succeedsWithin(AT_ONCE)
        .isEqualTo("token-1");
    assertThat(refreshed).isNotDone();
    store.release();
    assertThat(refreshed).succeedsWithin(AT_ONCE).isEqualTo("token-1");
  }

  @Test
  void aFirstReadThatFailsIsThrownAndTheNextCallReadsAgain() {
    // Given a store whose first read fails
    ScriptedSecret failing = new ScriptedSecret("token-1").thenFail("no such secret");
    try (CachedSecret<String> fresh =
        new CachedSecret<>(
            "it/missing",
            failing,
            Duration.ofMinutes(5),
            clock,
            new CachedSecret.Retries(
                Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                sleeper,
                failures::incrementAndGet))) {

      // When / Then the first read throws the store's failure, counted, and no retry is pending
      assertThatThrownBy(fresh::current).hasMessage("no such secret");
      assertThat(failures).hasValue(1);
      assertThat(sleeper.pauses()).isEmpty();

      // And the next call reads again
      assertThat(fresh.current()).isEqualTo("token-1");
      assertThat(failing.reads()).isEqualTo(2);
    }
  }
}
