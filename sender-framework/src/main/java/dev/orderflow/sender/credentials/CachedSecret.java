package dev.orderflow.sender.credentials;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret held as an immutable snapshot and re-read in the background, so that no caller ever
 * waits on the secret store once a value exists, and no lock is held across a read (a virtual
 * thread blocked in {@code synchronized} pins its carrier on Java 21; every send reads this).
 *
 * <p>At most one read is in flight: a stale snapshot or a {@link #refresh} starts it on a virtual
 * thread and every other request joins it. Until it succeeds the old value stays in use. A failed
 * read keeps the old value, is logged and counted, and is tried again after a {@link Backoff} pause
 * until one succeeds. Only the very first read, with nothing to fall back on, is waited for, and
 * its failure is thrown to the caller (the next call tries again).
 */
public final class CachedSecret<T> implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(CachedSecret.class);

  /** Reads the secret's current value from the store; throws when it cannot. */
  @FunctionalInterface
  public interface Reader<T> {
    T read();
  }

  /** How the background reads are spaced after a failure, and what is told of one. */
  public record Retries(Backoff backoff, Sleeper sleeper, Runnable onFailure) {
    public Retries {
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(onFailure, "onFailure");
    }

    /** 1 s doubling to 1 min, half-jittered, waited for really, counted nowhere. */
    public static Retries standard() {
      return new Retries(
          Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1)).withJitter(0.5),
          Sleeper.REAL,
          () -> {});
    }
  }

  private record Snapshot<T>(T value, Instant readAt) {}

  private final String name;
  private final Reader<T> reader;
  private final Duration maxAge;
  private final Clock clock;
  private final Retries retries;
  private final ExecutorService background;
  private final AtomicReference<Snapshot<T>> snapshot = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();

  /**
   * @param name what logs call the secret (never its value)
   * @param maxAge how old a value may be before a read of it starts a background re-read
   */
  public CachedSecret(
      String name, Reader<T> reader, Duration maxAge, Clock clock, Retries retries) {
    this.name = name;
    this.reader = reader;
    this.maxAge = maxAge;
    this.clock = clock;
    this.retries = retries;
    this.background =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("secret-read-", 0).factory());
  }

  /**
   * The value held, at once; a value older than {@code maxAge} also starts a background re-read.
   * Waits only when no value was ever read.
   *
   * @throws RuntimeException the first read's failure, when no value exists yet
   */
  public T current() {
    Snapshot<T> held = snapshot.get();
    if (held == null) {
      return awaitFirst(request());
    }
    if (clock.instant().isAfter(held.readAt().plus(maxAge))) {
      request();
    }
    return held.value();
  }

  /**
   * Asks for a re-read because {@code rejected} was refused, without waiting for it. When the value
   * held is no longer {@code rejected} (someone refreshed already) that value is the answer at
   * once; otherwise the in-flight read's, which every holder of the rejected value shares. Until it
   * completes, {@link #current()} keeps answering the old value.
   */
  public CompletableFuture<T> refresh(T rejected) {
    Snapshot<T> held = snapshot.get();
    if (held != null && !held.value().equals(rejected)) {
      return CompletableFuture.completedFuture(held.value());
    }
    return request();
  }

  /** The value held, or null before the first read; never starts a read. */
  public T peek() {
    Snapshot<T> held = snapshot.get();
    return held == null ? null : held.value();
  }

  /** Stops a background read (and its retries) still running. */
  @Override
  public void close() {
    background.shutdownNow();
  }

  private CompletableFuture<T> request() {
    while (true) {
      CompletableFuture<T> running = inFlight.get();
      if (running != null) {
        return running;
      }
      CompletableFuture<T> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        background.execute(() -> readUntilDone(mine));
        return mine;
      }
    }
  }

  private void readUntilDone(CompletableFuture<T> mine) {
    for (int retry = 1; ; retry++) {
      try {
        T fresh = Objects.requireNonNull(reader.read(), "the secret reader returned null");
        snapshot.set(new Snapshot<>(fresh, clock.instant()));
        // Cleared before completing, so a waiter refused again starts a new read.
        inFlight.set(null);
        mine.complete(fresh);
        return;
      } catch (RuntimeException e) {
        retries.onFailure().run();
        if (snapshot.get() == null) {
          LOGGER.warn("secret read failed secret={} error={}", name, e.toString());
          inFlight.set(null);
          mine.completeExceptionally(e);
          return;
        }
        Duration pause = retries.backoff().pauseBefore(retry);
        LOGGER.warn(
            "secret re-read failed secret={} error={}; keeping the value held, retry {} in {}",
            name,
            e.toString(),
            retry,
            pause);
        if (!pauseBeforeRetry(pause, mine)) {
          return;
        }
      }
    }
  }

  private boolean pauseBeforeRetry(Duration pause, CompletableFuture<T> mine) {
    try {
      retries.sleeper().sleep(pause);
      return true;
    } catch (InterruptedException e) {
      // Closed: the value held stays; whoever waits gets it.
      inFlight.set(null);
      mine.complete(snapshot.get().value());
      return false;
    }
  }

  private static <T> T awaitFirst(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
